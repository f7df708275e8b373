// Value decoders for /dlv fields. All are total: bad input gives null, never an exception.
import type { LicenseStatus } from "../../../kms/parsed";
import { licenseStatusFromCode } from "../../../kms/parsed";
import { foldKey } from "./labels";
import { isInt4 } from "../../../core/int4";

const SEPARATORS = " ,.'’";

/**
 * Leading integer of a value (within int4, see ../int4.ts), accepting thousands separators other tools add ("18,342", "18 342").
 * Hand-written scan: a regex with a trailing-separator trim could backtrack on long junk lines.
 */
export function parseIntLoose(value: string): number | null {
  let i = 0;
  const s = value.trim();
  let sign = 1;
  if (s[0] === "-" || s[0] === "+") {
    if (s[0] === "-") sign = -1;
    i = 1;
  }
  const groups: string[] = [];
  let current = "";
  const seps = new Set<string>();
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c >= "0" && c <= "9") {
      current += c;
    } else if (SEPARATORS.includes(c) && current.length > 0 && s[i + 1]! >= "0" && s[i + 1]! <= "9") {
      groups.push(current);
      current = "";
      seps.add(c);
    } else {
      break;
    }
  }
  if (current.length === 0) return null;
  groups.push(current);
  // Grouping must look like thousands (1-3 digits then 3-digit groups) with one separator kind;
  // otherwise only the first group is trusted ("1.5", "10.0.22631" are not thousands).
  const grouped = groups.length > 1 && seps.size === 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
  const digits = grouped ? groups.join("") : groups[0]!;
  if (digits.length > 15) return null;
  const n = sign * Number(digits);
  return isInt4(n) ? n : null;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function parseGuid(value: string): string | null {
  const m = GUID.exec(value);
  return m ? m[0].toLowerCase() : null;
}

/** `0x` + 8 upper-case hex, from "0xC004F009 (grace time expired)." or a bare "C004F009". */
export function parseHresult(value: string): string | null {
  const m = /0x([0-9a-f]{1,8})(?![0-9a-f])/i.exec(value) ?? /^([0-9a-f]{8})(?![0-9a-f])/i.exec(value.trim());
  return m ? `0x${m[1]!.toUpperCase().padStart(8, "0")}` : null;
}

// Folded prefixes; French wording is the inferred one (Microsoft fr-FR docs vocabulary).
const STATUS_PREFIXES: ReadonlyArray<[string, LicenseStatus]> = [
  ["unlicensed", "Unlicensed"],
  ["sanslicence", "Unlicensed"],
  ["nonlicencie", "Unlicensed"],
  ["licensed", "Licensed"],
  ["aveclicence", "Licensed"],
  ["licencie", "Licensed"],
  ["initialgrace", "InitialGrace"],
  ["oobgrace", "InitialGrace"],
  ["periodedegraceinitiale", "InitialGrace"],
  ["additionalgrace", "AdditionalGrace"],
  ["ootgrace", "AdditionalGrace"],
  ["periodedegracesupplementaire", "AdditionalGrace"],
  ["periodedegraceadditionnelle", "AdditionalGrace"],
  ["nongenuinegrace", "NonGenuineGrace"],
  ["periodedegracenonauthentique", "NonGenuineGrace"],
  ["notification", "Notification"],
  ["extendedgrace", "ExtendedGrace"],
  ["periodedegraceetendue", "ExtendedGrace"],
  ["periodedegraceprolongee", "ExtendedGrace"],
];

/** "Unknown" and anything unexpected give null: unknown must never look like a real state. */
export function parseLicenseStatus(value: string): LicenseStatus | null {
  const trimmed = value.trim();
  if (/^\d$/.test(trimmed)) return licenseStatusFromCode(Number(trimmed));
  const key = foldKey(trimmed);
  for (const [prefix, status] of STATUS_PREFIXES) if (key.startsWith(prefix)) return status;
  return null;
}

export function parseActivationType(value: string): string | null {
  const key = foldKey(value);
  if (key === "") return null;
  if (key === "all" || key === "tout" || key === "tous") return "All";
  if (key === "ad" || key === "activedirectory") return "AD";
  if (key === "kms") return "KMS";
  if (key === "token" || key === "jeton") return "Token";
  return value.trim();
}

export function parsePriority(value: string): "Normal" | "Low" | null {
  const key = foldKey(value);
  if (key.startsWith("normal")) return "Normal";
  if (key.startsWith("low") || key.startsWith("faible") || key.startsWith("basse")) return "Low";
  return null;
}

/** Word before " channel" at the end of Description, e.g. "VOLUME_KMSCLIENT". */
export function channelOf(description: string): string | null {
  // Only the tail can hold the channel; bounding it keeps the unanchored regex linear.
  const tail = description.slice(-200);
  const m = /([A-Za-z0-9_:-]+)\s+channel\.?\s*$/i.exec(tail) ?? /\bcanal\s+([A-Za-z0-9_:-]+)\s*\.?$/i.exec(tail);
  return m ? m[1]!.toUpperCase() : null;
}

export type HostPort = { host: string | null; port: number | null };

const DEFAULT_KMS_PORT = 1688;

/** slmgr prints port 0 as the default port; other tools may print the raw 0. */
export function normalizePort(port: number | null): number | null {
  if (port === null) return null;
  if (port === 0) return DEFAULT_KMS_PORT;
  return port > 0 && port <= 65535 ? port : null;
}

/** "host:port", "[v6]:port", bare "v6:port" (slmgr always appends the port). */
export function parseHostPort(value: string): HostPort {
  const s = value.trim();
  if (s === "" || /not available|non disponible|indisponible/i.test(s)) return { host: null, port: null };
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close > 1) {
      const rest = s.slice(close + 1);
      const port = /^:\d{1,5}$/.test(rest) ? normalizePort(Number(rest.slice(1))) : null;
      return { host: s.slice(1, close), port };
    }
  }
  const last = s.lastIndexOf(":");
  if (last < 0) return { host: s, port: null };
  const head = s.slice(0, last);
  const tail = s.slice(last + 1);
  // "fe80::15" must not lose its last group: a head ending in ':' means the colon was part of '::'.
  if (!/^\d{1,5}$/.test(tail) || head === "" || head.endsWith(":")) {
    return { host: s, port: null };
  }
  return { host: head, port: normalizePort(Number(tail)) };
}

export function parseIp(value: string): string | null {
  const s = value.trim().replace(/^\[(.*)\]$/, "$1");
  if (s === "" || /not available|non disponible|indisponible/i.test(s)) return null;
  return s;
}

export function isNotInUse(value: string): boolean {
  return /not in use|pas utilis|n'est pas en cours/i.test(value);
}

export function textOrNull(value: string): string | null {
  const s = value.trim();
  return s === "" ? null : s;
}
