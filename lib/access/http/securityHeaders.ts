// Response headers of every answer (OWASP ASVS 14.4 / 50.x): a Content-Security-Policy whose scripts need the
// request's nonce (Next.js puts it on its own scripts when it finds the policy on the request), no framing by
// anyone, no MIME sniffing, no referrer to other sites, no powerful browser features, and HSTS once the
// deployment says it is served over HTTPS (KMSWATCH_COOKIE_SECURE=true). Pure: proxy.ts does the plumbing.

export type SecurityHeaderOptions = { nonce: string; https: boolean; dev: boolean };

export function contentSecurityPolicy({ nonce, https, dev }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script are trusted too (Next's chunks); 'unsafe-eval' only for
    // the dev server's hot reload.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and React set style attributes; styles cannot run code, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per request: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
