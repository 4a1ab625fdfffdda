// Light or dark, as LiveChat's Marketplace review requires: `?theme=light|dark` on any URL picks
// it (the Agent App loads widgets that way); without one the browser's prefers-color-scheme
// decides. proxy.ts keeps an explicit choice in a cookie so that it survives in-app navigation.

export type Theme = "light" | "dark";

export const THEME_COOKIE = "theme";
/** Set by proxy.ts on the request when the URL names a theme, so the first render already uses it. */
export const THEME_HEADER = "x-app-theme";

export function parseTheme(value: string | null | undefined): Theme | null {
  return value === "light" || value === "dark" ? value : null;
}

/** The Design System's class for a theme: it sets every colour token below it. */
export const themeClassName = (theme: Theme) => `lc-${theme}-theme`;

/**
 * Runs in <head> before the body paints, only when no theme was chosen: follows the system's
 * colour scheme, live, so the page never flashes the other theme.
 */
export const SYSTEM_THEME_SCRIPT = `(()=>{const m=matchMedia("(prefers-color-scheme: dark)"),c=document.documentElement.classList,s=()=>{c.toggle("lc-dark-theme",m.matches);c.toggle("lc-light-theme",!m.matches)};s();m.addEventListener("change",s)})()`;
