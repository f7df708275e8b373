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

export function searchParams<T extends z.ZodType>(url: string, schema: T): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
