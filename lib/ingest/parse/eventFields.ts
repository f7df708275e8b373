// Decodes the insertion strings (%1, %2 / <Data>) of the KMS events into typed fields.
// Shared by the XML and the pasted-text parsers so both give identical ParsedEvents.
import { licenseStatusFromCode, type ParsedEvent } from "../../kms/parsed";
import { formatHresult } from "../../kms/hresults";
import { isInt4 } from "../../core/int4";

export const KMS_EVENT_IDS: readonly number[] = [12288, 12289, 12290, 12293];

export function emptyEvent(eventId: number): ParsedEvent {
  return {
    eventId,
    recordId: null,
    timeCreated: null,
    computer: null,
    log: null,
    provider: null,
    hresult: null,
    status: null,
    kmsHost: null,
    kmsPort: null,
    cmid: null,
    clientTime: null,
    isVm: null,
    licenseStatus: null,
    minutesToExpiry: null,
    activationId: null,
    minCount: null,
    clientFqdn: null,
    activated: null,
    hostCurrentCount: null,
    activationIntervalMin: null,
    renewalIntervalMin: null,
    domain: null,
  };
}

type Kind = "hresult" | "int" | "flag" | "guid" | "time" | "name" | "hostport" | "license" | "unused";
type Slot = [keyof ParsedEvent | null, Kind, string];

/** What a client says of itself in an activation request: logged by the client (12288) and again by the host (12290). */
const requestSlots = (vmLabel: string): Slot[] => [
  ["cmid", "guid", "CMID"],
  ["clientTime", "time", "ClientTime"],
  ["isVm", "flag", vmLabel],
  ["licenseStatus", "license", "LicensingStatus"],
  ["minutesToExpiry", "int", "TimeToExpiration"],
  ["activationId", "guid", "ActID"],
];

// Field orders from the sppsvc message table / Volume Activation 2.0 Operations Guide (kms-formats.md section 2).
const LAYOUTS: Record<number, Slot[]> = {
  12288: [
    ["hresult", "hresult", "HRESULT"],
    ["status", "hresult", "Status"],
    ["kmsHost", "hostport", "Server:Port"],
    ...requestSlots("VMInfo"),
    ["minCount", "int", "MinCount"],
  ],
  12289: [
    ["hresult", "hresult", "HRESULT"],
    ["status", "hresult", "Status"],
    ["activated", "flag", "fBound"],
    [null, "unused", "Unused"],
    ["hostCurrentCount", "int", "KMS current count"],
    ["activationIntervalMin", "int", "ActivationInterval"],
    ["renewalIntervalMin", "int", "RenewalInterval"],
    ["clientTime", "time", "ClientTime"],
  ],
  12290: [
    ["hresult", "hresult", "HRESULT"],
    ["minCount", "int", "MinCount"],
    ["clientFqdn", "name", "ClientFQDN"],
    ...requestSlots("IsVM"),
  ],
  12293: [
    ["hresult", "hresult", "HRESULT"],
    ["domain", "name", "domain"],
  ],
};

type Decoded = Partial<ParsedEvent>;
type Warn = (message: string) => void;

/** Fills the typed fields of a 12288/12289/12290/12293 from its Data strings; other ids decode nothing. */
export function decodeEventData(eventId: number, data: readonly string[], warn: Warn): Decoded {
  const layout = LAYOUTS[eventId];
  if (!layout) return {};
  const fields = eventId === 12290 ? fields12290(data, warn) : splitFields(eventId, data);
  const count = fields.length;
  if (count === 0) {
    warn(`no data fields (expected ${layout.length})`);
    return {};
  }
  // Positional decoding with per-field validation: a shifted field fails its shape check instead of lying.
  if (count !== layout.length) warn(`expected ${layout.length} data fields, got ${count}; decoded what fits`);
  const out: Decoded = {};
  layout.forEach((slot, i) => {
    if (i < count) decodeSlot(slot, fields[i]!, out, warn);
  });
  return out;
}

function splitFields(eventId: number, data: readonly string[]): string[] {
  // 12288/12289 carry one comma-joined %1; 12293 has one Data per field. Text pastes give 12293 as [hr, domain].
  const parts = eventId === 12293 || data.length !== 1 ? [...data] : data[0]!.split(",");
  while (parts.length > 0 && parts[parts.length - 1]!.trim() === "") parts.pop();
  return parts;
}

function fields12290(data: readonly string[], warn: Warn): string[] {
  if (data.length === 0) return [];
  const joined = data[0]!.includes(",") ? splitFields(12290, [data[0]!]) : null;
  // Prefer Data[1..9]; exports that keep only Data[0] (or only the message) fall back to splitting it.
  const individual = joined ? data.slice(1) : data.length >= 9 ? [...data] : [];
  if (!joined && individual.length === 0) return [...data];
  if (!joined) warn("Data[0] is not the joined string; read the Data elements as individual fields");
  const n = Math.max(joined?.length ?? 0, individual.length);
  const fields: string[] = [];
  for (let i = 0; i < n; i++) fields.push(individual[i] ?? joined?.[i] ?? "");
  return fields;
}

function decodeSlot([key, kind, label]: Slot, raw: string, out: Decoded, warn: Warn): void {
  if (key === null || kind === "unused") return;
  const value = kind === "time" ? raw.replace(/\s+/g, " ").trim() : raw.replace(/\s+/g, "");
  if (value === "") return;
  const bad = () => warn(`${label} ${JSON.stringify(value.slice(0, 60))} is not valid; left empty`);
  const record = out as Record<string, unknown>;
  switch (kind) {
    case "hresult": {
      const hr = formatHresult(value);
      return hr === null ? bad() : void (record[key] = hr);
    }
    case "int":
    case "license":
    case "flag": {
      const n = /^[+-]?\d{1,10}$/.test(value) ? Number(value) : null;
      if (n === null || !isInt4(n)) return bad();
      if (kind === "int") record[key] = n;
      else if (kind === "flag") record[key] = n !== 0;
      else {
        const status = licenseStatusFromCode(n);
        return status === null ? bad() : void (record[key] = status);
      }
      return;
    }
    case "guid": {
      const g = normalizeGuid(value);
      return g === null ? bad() : void (record[key] = g);
    }
    case "time": {
      const iso = parseClientTime(value);
      return iso === null ? bad() : void (record[key] = iso);
    }
    case "name":
      record[key] = value;
      return;
    case "hostport": {
      const hp = splitHostPort(value);
      if (hp === null) return bad();
      out.kmsHost = hp.host;
      out.kmsPort = hp.port;
    }
  }
}

export function normalizeGuid(value: string): string | null {
  const m = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export function splitHostPort(value: string): { host: string; port: number | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/i.exec(value) ?? /^([0-9a-f:]+:[0-9a-f:]*)$/i.exec(value);
  if (!m) return null;
  const port = m[2] === undefined ? null : Number(m[2]);
  if (port !== null && port > 65535) return null;
  return { host: m[1]!, port };
}

function utcIso(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): string | null {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const dt = new Date(t);
  // Round-trip check rejects 2024/2/31 and 25:00 instead of letting Date roll them over.
  if (Number.isNaN(t) || dt.getUTCDate() !== d || dt.getUTCHours() !== h || dt.getUTCMonth() !== mo - 1) return null;
  if (mi > 59 || s > 59) return null;
  return dt.toISOString();
}

/** ClientTime `2024/5/13 11:12` (KB samples also show `1/14/2006 2:30`), treated as UTC. */
export function parseClientTime(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})\s*\/\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*[ T]\s*(\d{1,2})\s*:\s*(\d{2})(?::(\d{2}))?$/.exec(v);
  if (m) return utcIso(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), 0);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (m) return utcIso(+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!, +(m[6] ?? 0), 0);
  return null;
}

/**
 * SystemTime (`2024-05-13T11:12:44.1234560Z`), wevtutil text `2024-05-13T11:12:44.123` or Event Viewer
 * `5/13/2024 11:12:44 AM`. `zoned` is false when the text carried no zone and UTC was assumed.
 */
export function parseEventTime(value: string): { iso: string; zoned: boolean } | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (m) {
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
    const iso = utcIso(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms);
    if (iso === null) return null;
    const zone = m[8];
    if (!zone || zone.toUpperCase() === "Z") return { iso, zoned: Boolean(zone) };
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.replace(/\D/g, "");
    const offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return { iso: new Date(Date.parse(iso) - offsetMin * 60_000).toISOString(), zoned: true };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?$/i.exec(v);
  if (!m) return null;
  let hour = +m[4]!;
  const ampm = m[7]?.toUpperCase().replace(/\./g, "");
  if (ampm && (hour < 1 || hour > 12)) return null;
  if (ampm === "PM" && hour < 12) hour += 12;
  if (ampm === "AM" && hour === 12) hour = 0;
  // en-US month/day first; a first number above 12 can only be a day (en-GB style).
  const [mo, d] = +m[1]! > 12 ? [+m[2]!, +m[1]!] : [+m[1]!, +m[2]!];
  const iso = utcIso(+m[3]!, mo, d, hour, +m[5]!, +(m[6] ?? 0), 0);
  return iso === null ? null : { iso, zoned: false };
}

const ws = String.raw`\s+`;
const phrase = (words: string) => words.split(" ").join(ws);

// Vista-era text says "computer" where later builds say "machine"; the 12293 KB misspells "Managment".
const TEMPLATES: Array<[number, RegExp]> = [
  [12288, new RegExp(`${phrase("The client has sent an activation request to the key management service") + ws}(?:machine|computer)`, "i")],
  [
    12289,
    new RegExp(
      `${phrase("The client has processed an activation response from the key management service") + ws}(?:machine|computer)`,
      "i",
    ),
  ],
  [12290, new RegExp(phrase("An activation request has been processed"), "i")],
  [
    12293,
    new RegExp(
      phrase("Publishing the Key") +
        ws +
        "Manage?ment" +
        ws +
        phrase("Service (KMS) to DNS in the").replace(/[()]/g, "\\$&") +
        ws +
        "['‘’`\"]?([^\\s'‘’`\"]{1,253})['‘’`\"]?" +
        ws +
        phrase("domain failed"),
      "i",
    ),
  ],
];

/** Start offsets of every KMS message template in the text, in order (used to split label-less pastes). */
export function templateStarts(text: string): number[] {
  const starts: number[] = [];
  for (const [, re] of TEMPLATES) {
    const g = new RegExp(re.source, "gi");
    for (let m = g.exec(text); m; m = g.exec(text)) starts.push(m.index);
  }
  return starts.sort((a, b) => a - b);
}

/** Finds a KMS message template in free text: the event id, where the message starts, and the 12293 domain. */
export function findTemplate(text: string): { eventId: number; index: number; end: number; domain: string | null } | null {
  let best: { eventId: number; index: number; end: number; domain: string | null } | null = null;
  for (const [eventId, re] of TEMPLATES) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) {
      best = { eventId, index: m.index, end: m.index + m[0].length, domain: m[1] ?? null };
    }
  }
  return best;
}
