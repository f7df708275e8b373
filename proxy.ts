// Next.js proxy (formerly middleware), run before every request: security headers and the CSP nonce.
// Kept small and composable: another step (e.g. next-intl's) can take `withNonce(request)`'s request headers
// and hand its own response to `withSecurityHeaders`.
import { type NextRequest, NextResponse } from "next/server";
import { newNonce, securityHeaders } from "@/lib/access/http/securityHeaders";
import { REQUEST_PATH_HEADER } from "@/lib/present/navigation/safeNextPath";

type Prepared = { requestHeaders: Headers; headers: Record<string, string> };

/** The request headers to forward (the nonce and the policy, which Next.js reads to nonce its scripts) and the response headers. */
export function withNonce(request: NextRequest): Prepared {
  const headers = securityHeaders({
    nonce: newNonce(),
    https: process.env.KMSWATCH_COOKIE_SECURE === "true",
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  const policy = headers["Content-Security-Policy"] ?? "";
  requestHeaders.set("x-nonce", /'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
  requestHeaders.set("content-security-policy", policy);
  return { requestHeaders, headers };
}

export function withSecurityHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { requestHeaders, headers } = withNonce(request);
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  // Every path, API and assets included: every answer gets the headers.
  matcher: "/:path*",
};
