// Light or dark: the system's choice (prefers-color-scheme) unless the user picked one in the header,
// remembered in a cookie so the server renders the right colours from the first byte (no flash).

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "kmswatch_theme";

/** The explicit choice in the cookie, or null to follow the system. */
export function themeFromCookie(value: string | null | undefined): Theme | null {
  return value === "light" || value === "dark" ? value : null;
}
