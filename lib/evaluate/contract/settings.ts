// Answers of the settings API (intended channels, notification channels and their delivery log): the contract
// the routes answer through and the hooks parse with. In the evaluate stage because lib/evaluate/intent and
// lib/evaluate/notify build these answers; pure zod, not server-only, so the browser's hooks import it too.
import { z } from "zod";
import { LOCALES } from "@/lib/core/locales";
import { isoSchema } from "@/lib/kms/finding";
import { intendedChannelKinds } from "@/lib/kms/intendedChannels";

export const intendedChannelViewSchema = z.object({
  channel: z.enum(intendedChannelKinds),
  machinePattern: z.string().nullable(),
  domain: z.string().nullable(),
  id: z.string(),
  note: z.string().nullable(),
  description: z.string(),
  createdAt: isoSchema,
});
export type IntendedChannelView = z.infer<typeof intendedChannelViewSchema>;
export const intendedChannelListSchema = z.object({ entries: z.array(intendedChannelViewSchema) });

export const channelViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["webhook", "slack", "teams", "email"]),
  name: z.string(),
  enabled: z.boolean(),
  /** The language its messages are written in. */
  locale: z.enum(LOCALES),
  createdAt: isoSchema,
  /** Masked: URLs without credentials or query, never a secret. */
  config: z.record(z.string(), z.string()),
});
export type ChannelView = z.infer<typeof channelViewSchema>;
export const channelListSchema = z.object({ channels: z.array(channelViewSchema) });

const deliveryStatusSchema = z.enum(["pending", "sent", "failed"]);
export const deliveryViewSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  channelKind: z.string(),
  createdAt: isoSchema,
  summary: z.string(),
  alertIds: z.array(z.string()),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoSchema.nullable(),
  sentAt: isoSchema.nullable(),
  attemptLog: z.array(z.object({ at: isoSchema, ok: z.boolean(), error: z.string().nullable() })),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;
export const deliveryListSchema = z.object({ deliveries: z.array(deliveryViewSchema) });

/** The one attempt a test message made. */
export const channelTestResultSchema = z.object({
  id: z.string(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: isoSchema.nullable(),
});
