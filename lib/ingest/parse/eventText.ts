// Event text as people paste it: `wevtutil qe /f:text`, Event Viewer's "Copy details as text",
// or either one after a forum/markdown round trip (fences, > quotes, <br>, soft-wrapped lines).
import { MAX_PARSE_INPUT_CHARS, type ParsedEvent, type ParseResult } from "../../kms/parsed";
import { decodeEventData, emptyEvent, findTemplate, parseEventTime, templateStarts } from "./eventFields";
import { parseEventXml } from "./eventXml";

const LABEL_RE =
  /(?:^|[\s|])(Log Name|Source|Date|Event Record ID|Event ID|Record ID|Task Category|Task|Level|Opcode|Keywords|Keyword|User Name|User|Computer|Description)[ \t]*:/gi;

function clean(input: string): string {
  let t = input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/[\u200b-\u200d\u2060]/g, "");
  // A page-source copy escapes the Event Xml part; only then are entities worth decoding.
  if (!/<Event[\s>]/.test(t) && /&lt;Event[\s&]/.test(t)) {
    t = t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, "&");
  }
  return t
    .split("\n")
    .filter((line) => !/^\s*(?:>\s*)*(?:```|~~~)/.test(line))
    .map((line) => line.replace(/^\s*(?:>[ \t]?)+/, "").replace(/\*\*|__/g, ""))
    .join("\n");
}

/**
 * Offsets where events start. Labeled events start at `Event[n]:` markers (else the first label kind
 * present); a message template also starts one unless it is the first message of a labeled block or sits
 * inside event XML, so label-less messages pasted after a labeled event are not swallowed by it.
 */
function blockStarts(text: string): number[] {
  const byRe = (re: RegExp) => Array.from(text.matchAll(re), (m) => m.index + (m[0].length - m[0].trimStart().length));
  let labeled = byRe(/^\s*Event\[\d+\]:/gm);
  for (const label of ["Log Name", "Source", "Event ID"]) {
    if (labeled.length > 0) break;
    labeled = byRe(new RegExp(String.raw`(?:^|[\s|])${label}[ \t]*:`, "gi"));
  }
  const marks: Array<[number, "label" | "xml" | "xmlEnd" | "template"]> = [
    ...labeled.map((i) => [i, "label"] as [number, "label"]),
    ...byRe(/<Event[\s>]/g).map((i) => [i, "xml"] as [number, "xml"]),
    ...byRe(/<\/Event\s*>/g).map((i) => [i, "xmlEnd"] as [number, "xmlEnd"]),
    ...templateStarts(text).map((i) => [i, "template"] as [number, "template"]),
  ];
  marks.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  let owner: "none" | "label" | "used" = "none";
  let inXml = false;
  for (const [at, kind] of marks) {
    if (kind === "label") {
      starts.push(at);
      owner = "label";
      inXml = false;
    } else if (kind === "xml" || kind === "xmlEnd") inXml = kind === "xml";
    else if (!inXml) {
      if (owner === "label") owner = "used";
      else {
        starts.push(at);
        owner = "used";
      }
    }
  }
  return starts;
}

const PROVIDER_ALIASES: Record<string, string> = {
  "security-spp": "Microsoft-Windows-Security-SPP",
  "security-licensing-slc": "Microsoft-Windows-Security-Licensing-SLC",
};

type Labels = Map<string, string>;

function readLabels(header: string): Labels {
  const found = Array.from(header.matchAll(LABEL_RE));
  const labels: Labels = new Map();
  found.forEach((m, i) => {
    const valueStart = m.index + m[0].length;
    const valueEnd = i + 1 < found.length ? found[i + 1]!.index : header.length;
    // First non-empty line only: an unknown label on the next line must not leak into this value.
    const value =
      header
        .slice(valueStart, valueEnd)
        .split("\n")
        .map((l) => l.trim())
        .find((l) => l !== "") ?? "";
    const name = m[1]!.toLowerCase();
    if (!labels.has(name)) labels.set(name, value);
  });
  return labels;
}

/** The %1 payload: lines after "Info:" (or after the message) up to the first blank line, soft wraps joined. */
function infoPayload(description: string): string {
  const info = /\bInfo\s*:/i.exec(description);
  const rest = info ? description.slice(info.index + info[0].length) : description;
  const lines: string[] = [];
  for (const line of rest.split("\n")) {
    if (line.trim() === "") {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(line.trim());
  }
  return lines.join(" ");
}

function parseBlock(block: string, n: number, warnings: string[]): ParsedEvent | null {
  let head = block;
  let xmlEvent: ParsedEvent | null = null;
  const xmlAt = block.search(/<Event[\s>]/);
  if (xmlAt >= 0) {
    // Event Viewer's details copy ends with the event XML: exact SystemTime and record id live there.
    const xml = parseEventXml(block.slice(xmlAt));
    const item = xml.ok ? xml.value.find((i) => i.ok) : undefined;
    if (item?.ok) xmlEvent = item.event;
    head = block.slice(0, xmlAt).replace(/Event Xml\s*:\s*$/i, "");
  }
  const descLabel = /(?:^|[\s|])Description[ \t]*:/i.exec(head);
  const tpl = findTemplate(head);
  const headerEnd = descLabel ? descLabel.index : tpl ? tpl.index : head.length;
  const labels = readLabels(head.slice(0, headerEnd));
  const description = descLabel ? head.slice(descLabel.index + descLabel[0].length) : tpl ? head.slice(tpl.index) : "";
  const descTpl = findTemplate(description);

  const labelId = /^\d{1,9}/.exec(labels.get("event id") ?? "");
  let eventId = labelId ? Number(labelId[0]) : (descTpl?.eventId ?? xmlEvent?.eventId ?? null);
  if (eventId === null) return null;
  const tag = `text event ${n} (${eventId})`;
  const warn = (m: string) => warnings.push(`${tag}: ${m}`);
  if (labelId && descTpl && descTpl.eventId !== eventId) {
    warn(`Event ID ${eventId} but the message is the ${descTpl.eventId} template; fields decoded as ${eventId}`);
  }
  if (xmlEvent && xmlEvent.eventId !== eventId) {
    warn(`the Event Xml part is event ${xmlEvent.eventId}; kept the text's ${eventId}`);
    xmlEvent = null;
  }
  eventId = xmlEvent?.eventId ?? eventId;

  const event = emptyEvent(eventId);
  event.log = labels.get("log name") || null;
  const source = labels.get("source") || null;
  event.provider = source ? (PROVIDER_ALIASES[source.toLowerCase()] ?? source) : null;
  event.computer = labels.get("computer") || null;
  const rec = /^\d{1,15}$/.exec(labels.get("event record id") ?? labels.get("record id") ?? "");
  event.recordId = rec ? Number(rec[0]) : null;
  const date = labels.get("date");
  if (date) {
    const t = parseEventTime(date);
    if (!t) warn(`Date ${JSON.stringify(date.slice(0, 40))} is not a date; left empty`);
    else {
      event.timeCreated = t.iso;
      if (!t.zoned && !xmlEvent) warn("Date carries no time zone; treated as UTC");
    }
  }
  if (description.trim() !== "") {
    const afterMessage = descTpl ? description.slice(descTpl.end) : description;
    let payload = infoPayload(afterMessage);
    if (eventId === 12293) payload = /0x[0-9a-f]{1,8}\b/i.exec(payload)?.[0] ?? payload;
    const data = eventId === 12293 ? [payload, descTpl?.domain ?? ""] : [payload];
    Object.assign(event, decodeEventData(eventId, payload === "" ? [] : data, warn));
  }
  if (!xmlEvent) return event;
  // The XML wins where it has a value; the text only fills its gaps.
  const merged: Record<string, unknown> = { ...xmlEvent };
  for (const [k, v] of Object.entries(event)) if (merged[k] === null) merged[k] = v;
  return merged as ParsedEvent;
}

export function parseEventText(text: string): ParseResult<ParsedEvent[]> {
  try {
    if (typeof text !== "string") return { ok: false, error: { code: "malformed", message: "input is not a string" } };
    if (text.length > MAX_PARSE_INPUT_CHARS) {
      return { ok: false, error: { code: "too_large", message: `input exceeds ${MAX_PARSE_INPUT_CHARS} characters` } };
    }
    const cleaned = clean(text);
    if (cleaned.trim() === "") return { ok: false, error: { code: "empty", message: "no input" } };
    const starts = blockStarts(cleaned);
    // Bare event XML pasted into the text box: hand it to the XML parser whole.
    if (starts.length === 0 && /<Event[\s>]/.test(cleaned)) return fromXml(cleaned);
    const bounds = [0, ...starts.filter((s) => s > 0), cleaned.length];
    const events: ParsedEvent[] = [];
    const warnings: string[] = [];
    const unrecognized: string[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const block = cleaned.slice(bounds[i], bounds[i + 1]);
      if (block.trim() === "") continue;
      const event = parseBlock(block, events.length + 1, warnings);
      if (event) events.push(event);
      else if (unrecognized.length < 20) unrecognized.push(block.trim().slice(0, 120));
    }
    if (events.length === 0) {
      return { ok: false, error: { code: "not_recognized", message: "no KMS event text (Event ID label or message) found" } };
    }
    const recognized = events.map((e) => `event ${e.eventId}${e.computer ? ` on ${e.computer}` : ""}`);
    return { ok: true, value: events, recognized, unrecognized, warnings };
  } catch (e) {
    return { ok: false, error: { code: "malformed", message: e instanceof Error ? e.message : String(e) } };
  }
}

function fromXml(text: string): ParseResult<ParsedEvent[]> {
  const r = parseEventXml(text);
  if (!r.ok) return r;
  const events = r.value.flatMap((i) => (i.ok ? [i.event] : []));
  if (events.length === 0) return { ok: false, error: { code: "malformed", message: "event XML found but none could be parsed" } };
  return { ok: true, value: events, recognized: r.recognized, unrecognized: r.unrecognized, warnings: r.warnings };
}
