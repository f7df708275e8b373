// Just enough event XML handling to pick the new events: split back-to-back <Event> elements,
// read each one's EventRecordID and channel. The server does the real parsing of what we send.
import type { z } from "zod";
import type { eventLogSchema } from "../../../lib/kms/protocol.ts";

export type EventLog = z.infer<typeof eventLogSchema>;
export const EVENT_LOGS: readonly EventLog[] = ["Application", "Key Management Service"];
export type Bookmarks = Partial<Record<EventLog, number>>;

/** Bounds one payload: wevtutil output, a captured directory or a long outage can hold many events. */
export const MAX_EVENTS_PER_LOG = 500;

// `<Event` followed by a space or `>` never matches <Events>, <EventID>, <EventData>, <EventRecordID>.
const EVENT_RE = /<Event[\s>][\s\S]*?<\/Event>/g;
const RECORD_RE = /<EventRecordID>\s*(\d+)\s*<\/EventRecordID>/;
const KMS_CHANNEL_RE = /<Channel>\s*Key Management Service\s*<\/Channel>/;

export type RawEvent = { log: EventLog; recordId: number; xml: string };

/** Splits wevtutil / ToXml() output (with or without a root element, CRLF or not) into single events. */
export function splitEvents(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  for (const match of text.replace(/^\uFEFF/, "").matchAll(EVENT_RE)) {
    const xml = match[0];
    const id = RECORD_RE.exec(xml);
    // Without an EventRecordID an event cannot be bookmarked nor deduplicated by the server: skip it.
    if (!id) continue;
    events.push({ log: KMS_CHANNEL_RE.test(xml) ? "Key Management Service" : "Application", recordId: Number(id[1]), xml });
  }
  return events;
}

export type SelectedEvents = { log: EventLog; xml: string; count: number; lastRecordId: number };

/**
 * Keeps the events above each log's bookmark, once each (the same event may be in two captured
 * files), oldest first, at most `maxPerLog`; the rest waits for the next run because the bookmark
 * only advances to the last event taken.
 */
export function selectNewEvents(texts: string[], bookmarks: Bookmarks, maxPerLog = MAX_EVENTS_PER_LOG): SelectedEvents[] {
  const byLog = new Map<EventLog, Map<number, string>>();
  for (const text of texts) {
    for (const event of splitEvents(text)) {
      if (event.recordId <= (bookmarks[event.log] ?? 0)) continue;
      const seen = byLog.get(event.log) ?? new Map<number, string>();
      if (!seen.has(event.recordId)) seen.set(event.recordId, event.xml);
      byLog.set(event.log, seen);
    }
  }
  const selected: SelectedEvents[] = [];
  for (const log of EVENT_LOGS) {
    const seen = byLog.get(log);
    if (!seen) continue;
    const ids = [...seen.keys()].sort((a, b) => a - b).slice(0, maxPerLog);
    selected.push({
      log,
      xml: ids.map((id) => seen.get(id)).join("\r\n"),
      count: ids.length,
      lastRecordId: ids[ids.length - 1]!,
    });
  }
  return selected;
}

export function advanceBookmarks(bookmarks: Bookmarks, selected: SelectedEvents[]): Bookmarks {
  const next: Bookmarks = { ...bookmarks };
  for (const s of selected) next[s.log] = Math.max(next[s.log] ?? 0, s.lastRecordId);
  return next;
}
