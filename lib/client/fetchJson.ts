// The one fetcher of the dashboard hooks: JSON in, the API's error shape turned into an Error.
import type { ErrorBody } from "@/lib/core/errors";

export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    if (response.status === 401 && typeof window !== "undefined" && !url.startsWith("/api/auth")) {
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    }
    throw new FetchError(response.status, error?.code ?? "http_error", error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}
