// Windows event XML (`wevtutil qe /f:xml`, `$event.ToXml()`, Event Viewer "Event Xml") -> ParsedEvent.
// Input is split into <Event> substrings first so one broken event never hides the others.
import { MAX_PARSE_INPUT_CHARS, type ParsedEvent, type ParseResult } from "../../kms/parsed";
import { KMS_EVENT_IDS, decodeEventData, emptyEvent, parseEventTime } from "./eventFields";
import { parseElementTree, type XmlElement } from "./xml/elementTree";

export type EventXmlItem = { ok: true; event: ParsedEvent; raw: string } | { ok: false; raw: string; error: string };

// Providers that log 12288-12293: SPP (Win7+), SLC (Vista/2008), and the classic source names.
const KNOWN_PROVIDERS =
  /^(Microsoft-Windows-Security-SPP|Microsoft-Windows-Security-Licensing-SLC|Security-SPP|Software Protection Platform Service|Software Protection Service|KmsRequests|SPPSVC)$/i;
const MAX_LEFTOVER_REPORTED = 20;

type Span = { start: number; end: number; complete: boolean };

/** Event spans in one linear pass: an <Event> runs to its </Event>, or is cut short by the next <Event>. */
export function splitEventSpans(text: string): { spans: Span[]; leftover: string[] } {
  const starts: number[] = [];
  const closes: Array<[number, number]> = [];
  const startRe = /<Event(?=[\s>/])/g;
  const closeRe = /<\/Event\s*>/g;
  for (let m = startRe.exec(text); m; m = startRe.exec(text)) starts.push(m.index);
  for (let m = closeRe.exec(text); m; m = closeRe.exec(text)) closes.push([m.index, m.index + m[0].length]);
  const spans: Span[] = [];
  let c = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const next = starts[i + 1] ?? text.length;
    while (c < closes.length && closes[c]![0] < start) c++;
    if (c < closes.length && closes[c]![0] < next) {
      spans.push({ start, end: closes[c]![1], complete: true });
      c++;
    } else {
      spans.push({ start, end: next, complete: false });
    }
  }
  const leftover: string[] = [];
  let pos = 0;
  for (const s of [...spans, { start: text.length, end: text.length, complete: true }]) {
    const gap = text
      .slice(pos, s.start)
      .replace(/<\?xml[^>]*\?>|<\/?Events(?:\s[^>]*)?>|<\/Event\s*>/g, "")
      .trim();
    if (gap && leftover.length < MAX_LEFTOVER_REPORTED) leftover.push(gap.length > 120 ? `${gap.slice(0, 120)}…` : gap);
    pos = Math.max(pos, s.end);
  }
  return { spans, leftover };
}

/** The one child called `name`: a repeated element is ambiguous, so it counts as missing. */
function only(el: XmlElement | null, name: string): XmlElement | null {
  let found: XmlElement | null = null;
  for (const c of el?.children ?? []) {
    if (c.name !== name) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

const textOf = (el: XmlElement | null): string | null => (el ? el.text.trim() : null);
const attrOf = (el: XmlElement | null, name: string): string | null => el?.attrs[name]?.trim() ?? null;

function intOf(el: XmlElement | null): number | null {
  const t = textOf(el);
  return t !== null && /^\d{1,15}$/.test(t) ? Number(t) : null;
}

const nonEmpty = (s: string | null | undefined): string | null => (s ? s : null);

/** Parses one <Event>…</Event> string; warnings are prefixed with the event's id and record. */
export function parseOneEvent(raw: string, warnings: string[]): EventXmlItem {
  const tree = parseElementTree(raw);
  if (!tree.ok) {
    const error = tree.malformed ? `invalid XML: ${tree.message} (line ${tree.line})` : `could not parse: ${tree.message}`;
    return { ok: false, raw, error };
  }
  const root = tree.root.name === "Event" ? tree.root : null;
  const sys = only(root, "System");
  // A <System/> with neither children nor attributes has always been reported as missing.
  const empty = !sys || (sys.children.length === 0 && Object.keys(sys.attrs).length === 0);
  if (!root || empty) return { ok: false, raw, error: "no <System> block" };
  const eventId = intOf(only(sys, "EventID"));
  if (eventId === null) return { ok: false, raw, error: "no numeric <EventID>" };

  const event = emptyEvent(eventId);
  event.recordId = intOf(only(sys, "EventRecordID"));
  event.computer = nonEmpty(textOf(only(sys, "Computer")));
  event.log = nonEmpty(textOf(only(sys, "Channel")));
  event.provider = nonEmpty(attrOf(only(sys, "Provider"), "Name"));
  const label = `event ${eventId}${event.recordId !== null ? ` #${event.recordId}` : ""}`;
  const warn = (m: string) => warnings.push(`${label}: ${m}`);

  const systemTime = attrOf(only(sys, "TimeCreated"), "SystemTime");
  if (systemTime) {
    const t = parseEventTime(systemTime);
    if (t) event.timeCreated = t.iso;
    else warn(`TimeCreated ${JSON.stringify(systemTime.slice(0, 40))} is not a date; left empty`);
  }
  if (!KMS_EVENT_IDS.includes(eventId)) {
    // The Key Management Service log is collected whole (hardware-secured readiness warnings have undocumented
    // IDs): its other events are expected, stored with their raw XML and shown with their rendered text.
    if (event.log !== "Key Management Service") warn("not a KMS activation event (12288/12289/12290/12293); only System fields were read");
    return { ok: true, event, raw };
  }
  if (event.provider && !KNOWN_PROVIDERS.test(event.provider)) warn(`unexpected provider ${event.provider}; decoded anyway`);
  const data = (only(root, "EventData")?.children ?? []).flatMap((d) => (d.name === "Data" ? [d.text.trim()] : []));
  Object.assign(event, decodeEventData(eventId, data, warn));
  return { ok: true, event, raw };
}

export function parseEventXml(xml: string): ParseResult<EventXmlItem[]> {
  try {
    if (typeof xml !== "string") return { ok: false, error: { code: "malformed", message: "input is not a string" } };
    if (xml.length > MAX_PARSE_INPUT_CHARS) {
      return { ok: false, error: { code: "too_large", message: `input exceeds ${MAX_PARSE_INPUT_CHARS} characters` } };
    }
    const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
    if (text.trim() === "") return { ok: false, error: { code: "empty", message: "no input" } };
    const { spans, leftover } = splitEventSpans(text);
    if (spans.length === 0) {
      return { ok: false, error: { code: "not_recognized", message: "no <Event> element found" } };
    }
    const warnings: string[] = [];
    const items: EventXmlItem[] = spans.map((s) => {
      const raw = text.slice(s.start, s.end);
      if (!s.complete) return { ok: false, raw, error: "truncated event: no closing </Event>" };
      try {
        return parseOneEvent(raw, warnings);
      } catch (e) {
        // Whatever slips past the parser's own error reporting stays with this one item.
        return { ok: false, raw, error: `could not parse: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
    const failed = items.filter((i) => !i.ok).length;
    if (failed > 0) warnings.push(`${failed} of ${items.length} events could not be parsed`);
    const recognized = items.flatMap((i) =>
      i.ok ? [`event ${i.event.eventId}${i.event.recordId !== null ? ` #${i.event.recordId}` : ""}`] : [],
    );
    return { ok: true, value: items, recognized, unrecognized: leftover, warnings };
  } catch (e) {
    return { ok: false, error: { code: "malformed", message: e instanceof Error ? e.message : String(e) } };
  }
}
