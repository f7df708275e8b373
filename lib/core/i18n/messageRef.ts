// A reference to a catalogue message and the values that fill it: what the rules, the count outlook and the
// notifications produce instead of finished sentences, so each text is written once (lib/core/i18n/messages) and
// rendered in the reader's language. A value may itself be a reference (a sentence part that varies).
import { z } from "zod";

export type MessageValue = string | number | null | MessageRef;
export type MessageRef = { key: string; values?: Record<string, MessageValue> };

function isMessageValue(value: unknown): value is MessageValue {
  return value === null || typeof value === "string" || typeof value === "number" || isMessageRef(value);
}

function isMessageRef(value: unknown): value is MessageRef {
  if (typeof value !== "object" || value === null || !("key" in value) || typeof value.key !== "string") return false;
  if (!("values" in value) || value.values === undefined) return true;
  return typeof value.values === "object" && value.values !== null && Object.values(value.values).every(isMessageValue);
}

// Nested values are checked by a predicate rather than a recursive zod schema: the agent API's OpenAPI document
// (lib/access/openapi) has no place for the self-reference a recursive schema would emit.
export const messageRefSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.custom<MessageValue>(isMessageValue, "a string, number, null or message reference")).optional(),
});

/** `msg("findings.rules.host-idle.cause", { days: 9 })`. */
export function msg(key: string, values?: Record<string, MessageValue>): MessageRef {
  return values === undefined ? { key } : { key, values };
}
