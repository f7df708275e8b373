// Reads a JSON body with a hard size limit, counting bytes as they stream in so a huge
// body is refused (413) without being buffered whole.
import type { z } from "zod";
import { ApiError, fromZodError } from "@/lib/core/errors";

/** The body's bytes, refused with a 413 as soon as they pass `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new ApiError("payload_too_large", `request body is larger than the limit of ${maxBytes} bytes`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) throw new ApiError("invalid_json", "request body is empty");
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/** How a route reads its body. `optional`: every field is, so no body (or a blank one) reads as `{}`. */
export type JsonBodyOptions = { optional?: boolean };

/** UTF-8 JSON bytes validated by `schema`; pure, so it also runs in the ingest parse workers. */
export function parseJsonBytes<T extends z.ZodType>(bytes: Uint8Array, schema: T, options: JsonBodyOptions = {}): z.infer<T> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  let json: unknown = {};
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ApiError("invalid_json", `request body is not valid JSON: ${(error as Error).message}`);
    }
  } else if (!options.optional) {
    throw new ApiError("invalid_json", "request body is empty");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/**
 * A route's JSON body, refused with 400 when it holds a NUL character: Postgres text and jsonb cannot store one.
 * (Ingest reads its bodies through parseJsonBytes instead: an artifact with a NUL is quarantined, kept losslessly.)
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes: number,
  options: JsonBodyOptions = {},
): Promise<z.infer<T>> {
  const bytes = options.optional && request.body === null ? new Uint8Array() : await readBodyBytes(request, maxBytes);
  // JSON carries a NUL only as the escape \u0000 (raw control characters are invalid in strings); one preceded by
  // an even number of backslashes is a real one.
  if (ESCAPED_NUL.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"))) {
    throw new ApiError("invalid_request", "text must not contain a NUL character (\\u0000)");
  }
  return parseJsonBytes(bytes, schema, options);
}
