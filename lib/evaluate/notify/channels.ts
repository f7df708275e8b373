// Channel kinds and their configuration, validated once here for the API and for sending.
// Secrets (webhook secret, SMTP password) are write-only: listings show them masked.
import { z } from "zod";
import { LOCALES } from "@/lib/core/locales";

/** The language a channel writes its messages in. */
export const channelLocaleSchema = z.enum(LOCALES);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const smtpUrl = z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" });

export const webhookConfigSchema = z.object({ url: httpUrl, secret: z.string().min(16, "secret must be at least 16 characters") });
export const chatConfigSchema = z.object({ url: httpUrl });
export const emailConfigSchema = z.object({
  /** One address or several, comma-separated in the form. */
  to: z.array(z.email()).min(1).max(20),
  /** Falls back to KMSWATCH_SMTP_URL. */
  smtpUrl: smtpUrl.optional(),
  /** Falls back to KMSWATCH_SMTP_FROM. */
  from: z.string().min(3).optional(),
});

/** Each kind's configuration; Slack and Teams both take an incoming-webhook URL. */
const configSchemas = { webhook: webhookConfigSchema, slack: chatConfigSchema, teams: chatConfigSchema, email: emailConfigSchema };
const channelNameSchema = z.string().trim().min(1).max(100);

/** A new channel of one kind: the fields every channel has, and that kind's configuration. */
const newChannelSchema = <K extends keyof typeof configSchemas>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    name: channelNameSchema,
    config: configSchemas[kind],
    enabled: z.boolean().default(true),
    locale: channelLocaleSchema.default("en"),
  });

export const createChannelSchema = z.discriminatedUnion("kind", [
  newChannelSchema("webhook"),
  newChannelSchema("slack"),
  newChannelSchema("teams"),
  newChannelSchema("email"),
]);
export type CreateChannelInput = z.infer<typeof createChannelSchema>;

export const updateChannelSchema = z.object({
  enabled: z.boolean().optional(),
  name: channelNameSchema.optional(),
  locale: channelLocaleSchema.optional(),
});

export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;

export type ChannelKind = CreateChannelInput["kind"];
export type ChannelConfig =
  | { kind: "webhook"; config: z.infer<typeof webhookConfigSchema> }
  | { kind: "slack" | "teams"; config: z.infer<typeof chatConfigSchema> }
  | { kind: "email"; config: z.infer<typeof emailConfigSchema> };

/** Re-validates stored JSON before use, so a hand-edited row fails with a readable delivery error. */
export function parseChannelConfig(kind: ChannelKind, config: unknown): ChannelConfig {
  switch (kind) {
    case "webhook":
      return { kind, config: webhookConfigSchema.parse(config) };
    case "slack":
    case "teams":
      return { kind, config: chatConfigSchema.parse(config) };
    case "email":
      return { kind, config: emailConfigSchema.parse(config) };
  }
}

/** What the dashboard may show: URLs without credentials or query (Slack/Teams URLs embed their secret). */
export function maskConfig(kind: ChannelKind, config: unknown): Record<string, string> {
  const c = (config ?? {}) as Record<string, unknown>;
  const masked: Record<string, string> = {};
  if (typeof c.url === "string") masked.url = maskUrl(c.url, kind !== "webhook");
  if (typeof c.secret === "string") masked.secret = "••••••••";
  if (Array.isArray(c.to)) masked.to = c.to.join(", ");
  if (typeof c.smtpUrl === "string") masked.smtpUrl = maskUrl(c.smtpUrl, false);
  if (typeof c.from === "string") masked.from = c.from;
  return masked;
}

function maskUrl(value: string, hidePath: boolean): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "••••";
    const path = hidePath && url.pathname.length > 12 ? `${url.pathname.slice(0, 12)}…` : url.pathname;
    return `${url.protocol}//${url.username ? `${url.username}${url.password ? ":••••" : ""}@` : ""}${url.host}${path}`;
  } catch {
    return "(invalid URL)";
  }
}
