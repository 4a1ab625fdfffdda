// Tells a right client id and secret from a wrong pair without a user: a token request with a
// code that cannot exist. LiveChat checks the client first: a wrong pair is `invalid_client`
// (or `unauthorized_client` naming the client), a right one gets to the code and refuses that
// (`invalid_grant` / `unauthorized_client` about the code).

export type CredentialCheck =
  | { kind: "accepted" }
  | { kind: "refused"; reason: string }
  | { kind: "unreachable"; reason: string };

const CLIENT_PROBLEM = /client[ _]?id|client[ _]secret|client not found|unknown client/i;

export async function checkCredentials(init: {
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
}): Promise<CredentialCheck> {
  let response: Response;
  try {
    response = await fetch(`${init.accountsUrl}/v2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: "npm-run-setup-credentials-check",
        client_id: init.clientId,
        client_secret: init.clientSecret,
        redirect_uri: "https://setup.invalid/callback",
      }),
      signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: "unreachable", reason: `${init.accountsUrl} did not answer (${reason})` };
  }
  let body: { error?: unknown; error_description?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return {
      kind: "unreachable",
      reason: `${init.accountsUrl} answered HTTP ${response.status}, not LiveChat's JSON`,
    };
  }
  const code = typeof body.error === "string" ? body.error : "";
  const description = typeof body.error_description === "string" ? body.error_description : "";
  if (
    code === "invalid_client" ||
    (code === "unauthorized_client" && CLIENT_PROBLEM.test(description))
  )
    return { kind: "refused", reason: "LiveChat does not accept this client id and secret" };
  if (code === "invalid_grant" || code === "unauthorized_client") return { kind: "accepted" };
  return {
    kind: "unreachable",
    reason: `${init.accountsUrl} answered HTTP ${response.status} ${code || "without an error code"}`,
  };
}
