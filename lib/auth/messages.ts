import type { ReauthenticationReason } from "./errors";
import type { SignInErrorCode } from "./sign-in-error";

/** What the user is told when sign-in fails: what happened, in plain words, and what to do. */
export const SIGN_IN_ERROR_MESSAGES: Record<SignInErrorCode, { title: string; detail: string }> = {
  Declined: {
    title: "Sign-in was cancelled",
    detail:
      "LiveChat did not grant the app access. Try again and choose Allow on LiveChat's consent screen.",
  },
  StateMismatch: {
    title: "This sign-in link is not valid",
    detail:
      "The sign-in response did not match the one this browser started (it may be old, or opened in another browser). Start again.",
  },
  PkceMismatch: {
    title: "This sign-in could not be verified",
    detail:
      "The browser lost part of the sign-in it started (cookies blocked or cleared?). Start again.",
  },
  CodeRejected: {
    title: "LiveChat did not accept the sign-in code",
    detail:
      "The code had expired or had already been used. Sign-in codes work once, for a few minutes: start again.",
  },
  LiveChatUnreachable: {
    title: "LiveChat is unreachable",
    detail: "The app could not reach LiveChat's accounts server. Wait a moment and try again.",
  },
  Configuration: {
    title: "The app is not set up correctly",
    detail:
      "LiveChat refused the app's credentials or redirect URI. If you run this app, check LIVECHAT_CLIENT_ID, LIVECHAT_CLIENT_SECRET and the redirect URI whitelist in the Developer Console.",
  },
  PrivateApp: {
    title: "This app is private to another organization",
    detail:
      "Only agents of the LiveChat organization that made this app can use it. Sign in with an account of that organization.",
  },
  AlreadySignedIn: {
    title: "You are already signed in with another LiveChat account",
    detail:
      "This browser has a session for a different LiveChat account. Sign out first, then sign in with the account you want.",
  },
  TooManySignIns: {
    title: "Too many sign-ins in a row",
    detail:
      "LiveChat allows an app 3 sign-ins per account in 30 seconds, and this browser has just started more. Wait half a minute, then sign in again.",
  },
  SignInFailed: {
    title: "Sign-in failed",
    detail:
      "Something went wrong while signing you in. Try again; if it keeps happening, contact the app's developer.",
  },
};

/** Why the user was sent back to sign in, shown on the sign-in page. */
export const REAUTHENTICATION_MESSAGES: Record<ReauthenticationReason, string> = {
  session_expired: "Your LiveChat session has ended. Sign in again to continue.",
  access_revoked:
    "LiveChat no longer accepts this app's access (it was revoked or the app was removed). Sign in again to continue.",
  no_tokens:
    "Your LiveChat access is gone (signed out elsewhere, or the app was uninstalled). Sign in again to continue.",
  other_organization:
    "This app is private to another LiveChat organization, so your session has ended. Sign in with an account of that organization.",
};
