// Where to go after signing in: the page a signed-out visit asked for, but only a path on this site.
// Anything that could leave the site (//evil.example, https://…, /\evil, javascript:) falls back to "/".

const BASE = "http://kmswatch.invalid";

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2048) return "/";
  // Browsers treat "\" like "/" ("/\evil.example" is protocol-relative) and drop tabs and newlines from URLs.
  if (!next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Back to the sign-in page would loop; the API answers JSON, not a page.
  if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return "/";
  return path;
}

/** "/login?next=%2Fclients%2F42" for the page being visited. */
export function loginHref(pathWithQuery: string): string {
  const next = safeNextPath(pathWithQuery);
  return next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}

/** Set by proxy.ts to the page asked for, so the dashboard layout (which cannot see the URL) redirects to it after sign-in. */
export const REQUEST_PATH_HEADER = "x-kmswatch-path";
