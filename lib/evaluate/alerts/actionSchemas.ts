// Bodies of the alert action routes. Acknowledge and resolve take an optional note, so an empty body is fine.
import { z } from "zod";
import { ApiError, fromZodError } from "@/lib/core/errors";

export const actionBodySchema = z.object({ note: z.string().trim().min(1).max(1000).optional() });
export const snoozeBodySchema = actionBodySchema.extend({ until: z.iso.datetime({ offset: true }) });

const MAX_BYTES = 16 * 1024;

export async function readActionBody(request: Request): Promise<z.infer<typeof actionBodySchema>> {
  const text = await request.text();
  if (text.length > MAX_BYTES) throw new ApiError("payload_too_large", `request body is larger than ${MAX_BYTES} bytes`);
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiError("invalid_json", `request body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = actionBodySchema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
