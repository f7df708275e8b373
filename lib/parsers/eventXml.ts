// Windows event XML (`wevtutil qe /f:xml`, `$event.ToXml()`, Event Viewer "Event Xml") -> ParsedEvent.
// Input is split into <Event> substrings first so one broken event never hides the others.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { MAX_PARSE_INPUT_CHARS, type ParsedEvent, type ParseResult } from "../kms/parsed";
import { KMS_EVENT_IDS, decodeEventData, emptyEvent, parseEventTime } from "./eventFields";

export type EventXmlItem = { ok: true; event: ParsedEvent; raw: string } | { ok: false; raw: string; error: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
  isArray: (name) => name === "Data",
});

// Providers that log 12288-12293: SPP (Win7+), SLC (Vista/2008), and the classic source names.
const KNOWN_PROVIDERS = /^(Microsoft-Windows-Security-SPP|Microsoft-Windows-Security-Licensing-SLC|Security-SPP|Software Protection Platform Service|Software Protection Service|KmsRequests|SPPSVC)$/i;
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
    const start = starts[i];
    const next = starts[i + 1] ?? text.length;
    while (c < closes.length && closes[c][0] < start) c++;
    if (c < closes.length && closes[c][0] < next) {
      spans.push({ start, end: closes[c][1], complete: true });
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
    if (gap && leftover.length < MAX_LEFTOVER_REPORTED) leftover.push(gap.length > 120 ? gap.slice(0, 120) + "…" : gap);
    pos = Math.max(pos, s.end);
  }
  return { spans, leftover };
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | null => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);

function textOf(v: unknown): string | null {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const o = asObj(v);
  const t = o?.["#text"];
  return typeof t === "string" || typeof t === "number" ? String(t).trim() : o ? "" : null;
}

function intOf(v: unknown): number | null {
  const t = textOf(v);
  return t !== null && /^\d{1,15}$/.test(t) ? Number(t) : null;
}

const nonEmpty = (s: string | null | undefined): string | null => (s ? s : null);

/** Parses one <Event>…</Event> string; warnings are prefixed with the event's id and record. */
export function parseOneEvent(raw: string, warnings: string[]): EventXmlItem {
  const valid = XMLValidator.validate(raw);
  if (valid !== true) return { ok: false, raw, error: `invalid XML: ${valid.err.msg} (line ${valid.err.line})` };
  const root = asObj(asObj(parser.parse(raw))?.Event);
  const sys = asObj(root?.System);
  if (!root || !sys) return { ok: false, raw, error: "no <System> block" };
  const eventId = intOf(sys.EventID);
  if (eventId === null) return { ok: false, raw, error: "no numeric <EventID>" };

  const event = emptyEvent(eventId);
  event.recordId = intOf(sys.EventRecordID);
  event.computer = nonEmpty(textOf(sys.Computer));
  event.log = nonEmpty(textOf(sys.Channel));
  event.provider = nonEmpty(textOf(asObj(sys.Provider)?.["@_Name"]));
  const label = `event ${eventId}${event.recordId !== null ? ` #${event.recordId}` : ""}`;
  const warn = (m: string) => warnings.push(`${label}: ${m}`);

  const systemTime = textOf(asObj(sys.TimeCreated)?.["@_SystemTime"]);
  if (systemTime) {
    const t = parseEventTime(systemTime);
    if (t) event.timeCreated = t.iso;
    else warn(`TimeCreated ${JSON.stringify(systemTime.slice(0, 40))} is not a date; left empty`);
  }
  if (!KMS_EVENT_IDS.includes(eventId)) {
    warn("not a KMS activation event (12288/12289/12290/12293); only System fields were read");
    return { ok: true, event, raw };
  }
  if (event.provider && !KNOWN_PROVIDERS.test(event.provider)) warn(`unexpected provider ${event.provider}; decoded anyway`);
  const dataNodes = asObj(root.EventData)?.Data;
  const data = (Array.isArray(dataNodes) ? dataNodes : []).map((d) => textOf(d) ?? "");
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
        // Deeply nested junk can overflow fast-xml-parser's recursion; keep it to this one item.
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
