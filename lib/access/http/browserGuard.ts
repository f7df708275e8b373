// Cross-site request forgery defence for every state-changing request (OWASP ASVS 3.5 / 50.x): a browser
// always names the page that sent a request (`Origin`, or `Sec-Fetch-Site` when Origin is left out), so a
// request another site made the victim's browser send is refused before any handler runs. Clients that are
// not browsers (agents, curl, scripts) send neither header and are judged by their credentials alone.
// Bodies must be JSON: a form or text/plain body is what a cross-site <form> can send without a preflight.
import { ApiError } from "@/lib/core/errors";

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type HeaderSource = { get(name: string): string | null };

/** The hosts (host[:port]) this server answers as: the Host header, a proxy's X-Forwarded-Host and KMSWATCH_PUBLIC_URL. */
export function ownHosts(headers: HeaderSource, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  if (publicUrl) hosts.add(new URL(publicUrl).host.toLowerCase());
  return hosts;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames, file://) and garbage
  }
}

/** Refuses a browser request sent from another site (403). */
export function checkSameOrigin(headers: HeaderSource, publicUrl: string | undefined): void {
  const origin = headers.get("origin");
  if (origin !== null) {
    const host = originHost(origin);
    if (!host || !ownHosts(headers, publicUrl).has(host)) {
      throw new ApiError("forbidden", `cross-site request refused: Origin ${origin} is not this server's origin`, "origin");
    }
    return;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new ApiError("forbidden", `cross-site request refused: Sec-Fetch-Site is ${site}`, "origin");
  }
}

/** Refuses a body that is not declared as application/json (415); requests without a body pass. */
export function checkJsonBody(headers: HeaderSource): void {
  const type = headers.get("content-type");
  const mediaType = type?.split(";")[0]?.trim().toLowerCase();
  const hasBody = Number(headers.get("content-length") ?? "0") > 0 || headers.get("transfer-encoding") !== null;
  if (mediaType === undefined ? hasBody : mediaType !== "application/json") {
    throw new ApiError("unsupported_media_type", `send the body as Content-Type: application/json (got ${type ?? "none"})`, "content-type");
  }
}

/** Both checks, for every request whose method can change state. */
export function guardStateChange(method: string, headers: HeaderSource, publicUrl: string | undefined): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  checkSameOrigin(headers, publicUrl);
  checkJsonBody(headers);
}
