// Validation of route params and query strings with zod, into the one API error type.
import { z } from "zod";
import { ApiError, fromZodError } from "@/lib/core/errors";

export type IdContext = { params: Promise<{ id: string }> };

export async function idParam(context: IdContext): Promise<string> {
  const { id } = await context.params;
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new ApiError("not_found", "no such item (the id is not a UUID)", "id");
  return parsed.data;
}

/** Postgres text cannot hold a NUL byte: refused here with a 400 rather than failing in the query as a 500. */
export function refuseNul(value: string, path: string): void {
  if (value.includes("\u0000")) throw new ApiError("invalid_request", "text must not contain a NUL byte (%00)", path);
}

export function searchParams<T extends z.ZodType>(url: string, schema: T): z.infer<T> {
  const query = new URL(url).searchParams;
  for (const [name, value] of query) refuseNul(value, name);
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
