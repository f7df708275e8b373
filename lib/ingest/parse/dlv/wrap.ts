// Narrow consoles (and some mail clients) hard-wrap long lines. These predicates decide whether an
// unrecognized line is the tail of the previous recognized value, per field, so junk that merely
// follows a field is not swallowed into it.
import type { LabelId } from "./labels";

const ENDS_CHANNEL = /channel\.?$/i;
const ENDS_EDITION = /edition$/i;

/**
 * prev = value so far (trimmed), cur = candidate continuation (trimmed), combined = both joined.
 * An empty prev means the label was printed and its value went to the next line.
 */
export function continuesValue(id: LabelId, prev: string, cur: string, combined: string): boolean {
  if (prev === "") return VALUE_SHAPES[id]?.test(cur) ?? false;
  // A number split by the wrap ("...tolerance: 3" / "4"): no /dlv line is a bare number.
  if (NUMERIC.has(id)) return /\d$/.test(prev) && /^\d[\d,]*(?: [a-z()]+)?$/i.test(cur);
  if (GUID_FIELDS.has(id)) return !GUID.test(prev) && GUID.test(combined) && /^[0-9a-f-]+\}?$/i.test(cur);
  switch (id) {
    case "installationId":
      return /^\d+$/.test(cur);
    case "url":
      return /^\S+$/.test(cur) && /^\S+$/.test(prev);
    case "description":
      return !ENDS_CHANNEL.test(prev) && ENDS_CHANNEL.test(combined);
    case "name":
      return !ENDS_EDITION.test(prev) && ENDS_EDITION.test(combined);
    case "extendedPid":
    case "kmsEpid":
      return /^[\d.-]+$/.test(cur) && /[\d.-]$/.test(prev);
    case "kmsRegistered":
    case "kmsFromDns":
      return !/:\d+$/.test(prev) && /^[\w.:\]-]+$/.test(cur);
    case "serviceVersion":
      return /^[\d.]+$/.test(cur) && /[\d.]$/.test(prev);
    case "lookupDomain":
      return /^[\w.-]+$/.test(cur);
    case "graceRemaining":
      return !/\)\)$/.test(prev) && /^[a-z()\d ]*\)$/i.test(cur);
    case "notificationReason":
      return !/\.$/.test(prev) && /^[\w .()-]*\.$/.test(cur);
    case "trustedTime":
      return /^[\d:/. ]*(?:[AP]?M)?$/i.test(cur);
    case "kmsIp":
      return /^[0-9a-f.:\]]+$/i.test(cur) && /[0-9a-f.:]$/i.test(prev);
    case "skmsWarning":
      return /used for activation\.?$/i.test(combined);
    default:
      return false;
  }
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const GUID_LINE = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const GUID_FIELDS = new Set<LabelId>(["activationId", "applicationId", "cmid"]);
const NUMERIC = new Set<LabelId>([
  "windowsRearm",
  "skuRearm",
  "appRearm",
  "activationInterval",
  "renewalInterval",
  "currentCount",
  "listeningPort",
  "totalRequests",
  "failedRequests",
  "reqUnlicensed",
  "reqLicensed",
  "reqInitialGrace",
  "reqExpiredOrOot",
  "reqNonGenuine",
  "reqNotification",
]);

/**
 * A label printed with its whole value pushed to the next line only takes that line if it has the
 * value's shape: a prompt or a banner after an empty "Trusted time:" must not become the time.
 */
const VALUE_SHAPES: Partial<Record<LabelId, RegExp>> = {
  serviceVersion: /^\d+(?:\.\d+)+$/,
  name: /edition$/i,
  description: /channel\.?$/i,
  activationId: GUID_LINE,
  applicationId: GUID_LINE,
  cmid: GUID_LINE,
  extendedPid: /^[\d.-]+$/,
  kmsEpid: /^[\d.-]+$/,
  productKeyChannel: /^[\w]+(?::[\w]+)?$/,
  installationId: /^\d+$/,
  url: /^https?:\/\/\S+$/i,
  partialProductKey: /^(?:[A-Z0-9]{5}|This license is not in use\.?)$/i,
  licenseStatus:
    /^(?:unlicensed|licensed|initial grace|additional grace|non-genuine grace|notification|extended grace|unknown|sans licence|avec licence)/i,
  graceRemaining: /^\d[\d, ]* minute/i,
  notificationReason: /^0x[0-9a-f]+/i,
  trustedTime: /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/,
  activationType: /^(?:all|ad|kms|token|tout)$/i,
  lookupDomain: /^[\w-]+(?:\.[\w-]+)+$/,
  kmsRegistered: /^[\w.:[\]-]+$/,
  kmsFromDns: /^[\w.:[\]-]+$/,
  kmsIp: /^(?:[0-9a-f.:[\]]+|not available)$/i,
  kmsPriority: /^(?:normal|low|normale|faible|basse)$/i,
};
for (const id of NUMERIC) VALUE_SHAPES[id] = /^\d[\d, .]*(?: minutes)?$/i;

/** Joins two physical lines the way the console split them (no separator: the split is exact). */
export function joinRaw(a: string, b: string): string {
  return a + b;
}

export function collapse(s: string): string {
  return s.trim().replace(/ {2,}/g, " ");
}
