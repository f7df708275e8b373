// Event text in a language kmswatch has no labels or message templates for: the events' data lines are the same in
// every language (sppsvc writes them, not the translator), so a 12288, 12289 or 12290 is recognized by the shape of
// its data (`0x…, 0x…, host:port, <CMID>, <time>, …`) and decoded with the usual field layouts. The computer is read
// as the one value that is a fully qualified host name. Pure.
import type { ParsedEvent } from "../../kms/parsed";
import { decodeEventData, emptyEvent } from "./eventFields";

const HR = "0x[0-9a-fA-F]{1,8}";
/** A GUID, tolerating the line breaks a forum puts inside it. */
const GUID = String.raw`[0-9a-fA-F]{8}-\s*[0-9a-fA-F]{4}-\s*[0-9a-fA-F]{4}-\s*[0-9a-fA-F]{4}-\s*[0-9a-fA-F]{12}`;
const TIME = String.raw`\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}`;
const NAME = "[A-Za-z0-9][A-Za-z0-9.-]*";
const SEP = String.raw`\s*,\s*`;
const SHAPES: { eventId: number; re: RegExp }[] = [
  { eventId: 12288, re: new RegExp([HR, HR, `${NAME}:\\d{1,5}`, GUID, TIME, "[01]", "\\d", "\\d+", GUID, "\\d+"].join(SEP), "g") },
  { eventId: 12289, re: new RegExp([HR, HR, "[01]", "\\d+", "\\d+", "\\d+", "\\d+", TIME].join(SEP), "g") },
  { eventId: 12290, re: new RegExp([HR, "\\d+", NAME, GUID, TIME, "[01]", "\\d", "\\d+", GUID].join(SEP), "g") },
];
const FQDN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){2,}\.?$/;

function clean(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/&nbsp;|\u00a0/g, " ")
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:>\s*)+/, "").replace(/[`*]/g, ""))
    .join("\n");
}

/** The one value after a label's colon that is a fully qualified name (the machine that logged the events). */
function computerOf(lines: string[]): string | null {
  const names = new Set<string>();
  for (const line of lines) {
    const value = line.slice(line.indexOf(":") + 1).trim();
    if (line.includes(":") && FQDN.test(value) && !/^\d+(\.\d+)+$/.test(value)) names.add(value.replace(/\.$/, ""));
  }
  return names.size === 1 ? ([...names][0] ?? null) : null;
}

export function eventsByShape(text: string): { events: ParsedEvent[]; readByShape: string[]; warnings: string[] } {
  const cleaned = clean(text);
  const flat = cleaned.replace(/\s*\n\s*/g, " ");
  const computer = computerOf(cleaned.split("\n"));
  const found: { at: number; event: ParsedEvent }[] = [];
  const warnings: string[] = [];
  for (const { eventId, re } of SHAPES) {
    for (const m of flat.matchAll(re)) {
      const data = m[0].replace(/-\s+/g, "-");
      const decoded = decodeEventData(eventId, [data], (w) => warnings.push(`event ${eventId} read by shape: ${w}`));
      found.push({ at: m.index, event: { ...emptyEvent(eventId), ...decoded, computer } });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const readByShape =
    found.length === 0 ? [] : ["eventId (the shape of its data line)", ...(computer ? ["computer (the one fully qualified name)"] : [])];
  return { events: found.map((f) => f.event), readByShape, warnings };
}
