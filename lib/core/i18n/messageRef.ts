// A reference to a catalogue message and the values that fill it: what the rules, the count outlook and the
// notifications produce instead of finished sentences, so each text is written once (lib/core/i18n/messages) and
// rendered in the reader's language. A value may itself be a reference (a sentence part that varies).
import { z } from "zod";

export type MessageValue = string | number | null | MessageRef;
export type MessageRef = { key: string; values?: Record<string, MessageValue> };

export const messageRefSchema: z.ZodType<MessageRef> = z.lazy(() =>
  z.object({
    key: z.string(),
    values: z.record(z.string(), z.union([z.string(), z.number(), z.null(), messageRefSchema])).optional(),
  }),
);

/** `msg("findings.rules.host-idle.cause", { days: 9 })`. */
export function msg(key: string, values?: Record<string, MessageValue>): MessageRef {
  return values === undefined ? { key } : { key, values };
}
