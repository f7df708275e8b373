// Notification channels as the dashboard sees them: configuration masked, secrets never returned.
import { db } from "@/lib/core/db";
import { isLocale, type Locale } from "@/lib/core/locales";
import { maskConfig, type ChannelKind } from "@/lib/evaluate/notify/channels";
import type { ChannelView } from "@/lib/evaluate/contract/settings";

type ChannelRow = { id: string; kind: ChannelKind; name: string; config: unknown; enabled: boolean; locale: string; createdAt: Date };

export type { ChannelView } from "@/lib/evaluate/contract/settings";

export function toChannelView(row: ChannelRow): ChannelView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    locale: channelLocale(row.locale),
    createdAt: row.createdAt.toISOString(),
    config: maskConfig(row.kind, row.config),
  };
}

/** The column's CHECK keeps it to known languages; a language removed later reads as English. */
export function channelLocale(value: string): Locale {
  return isLocale(value) ? value : "en";
}

export async function listChannels(): Promise<ChannelView[]> {
  const rows = await db().notificationChannel.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(toChannelView);
}
