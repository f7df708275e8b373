// Bodies of the alert action routes. Acknowledge and resolve take an optional note, so an empty body is fine.
import { z } from "zod";
import { readJsonBody } from "@/lib/access/http/readJson";

export const actionBodySchema = z.object({ note: z.string().trim().min(1).max(1000).optional() });
export const snoozeBodySchema = actionBodySchema.extend({ until: z.iso.datetime({ offset: true }) });

const MAX_BYTES = 16 * 1024;

/** An acknowledge or resolve body: the note is optional, so is the body. */
export function readActionBody(request: Request): Promise<z.infer<typeof actionBodySchema>> {
  return readJsonBody(request, actionBodySchema, MAX_BYTES, { optional: true });
}
