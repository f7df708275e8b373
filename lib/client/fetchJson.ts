// The one fetcher of the dashboard hooks: JSON in, parsed with the answer's zod schema (the contract the route
// answers through), the API's error shape turned into an Error. A contract break shows as an error, not a blank page.
import type { z } from "zod";
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

/** With a schema: the parsed answer. Without one (a call whose answer is not read): the body, unknown. */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>>;
export async function fetchJson(url: string, init?: RequestInit): Promise<unknown>;
export async function fetchJson(url: string, schemaOrInit?: z.ZodType | RequestInit, maybeInit?: RequestInit): Promise<unknown> {
  const schema = schemaOrInit && "safeParse" in schemaOrInit ? schemaOrInit : undefined;
  const init = schema ? maybeInit : (schemaOrInit as RequestInit | undefined);
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
  if (!schema) return body;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    throw new FetchError(response.status, "bad_response", `${url} answered a shape the dashboard does not know${where}: ${issue?.message}`);
  }
  return parsed.data;
}
