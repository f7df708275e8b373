// Applies one recognized /dlv line to the product being built.
import type { ParsedProduct } from "../../../kms/parsed";
import type { LabelId } from "./labels";
import {
  channelOf,
  isNotInUse,
  normalizePort,
  parseActivationType,
  parseGuid,
  parseHostPort,
  parseHresult,
  parseIntLoose,
  parseIp,
  parseLicenseStatus,
  parsePriority,
  textOrNull,
} from "./values";

export type ProductDraft = {
  product: ParsedProduct;
  /** "Key Management Service is enabled on this machine" seen. */
  kmsEnabledLine: boolean;
  /** Product started by something other than a Name line (paste began mid-block). */
  implicit: boolean;
  sawLicenseStatus: boolean;
  warnings: string[];
};

/** Where a KMS client looks for its host and how often it asks (schema order: it fixes the content hash). */
const KMS_CLIENT_FIELDS = [
  "cmid",
  "kmsHost",
  "kmsPort",
  "kmsHostIp",
  "kmsHostSource",
  "kmsHostExtendedPid",
  "kmsLookupDomain",
  "activationIntervalMin",
  "renewalIntervalMin",
  "hostCaching",
] as const satisfies readonly (keyof ParsedProduct)[];

/** What only a KMS host reports, each one evidence that the product is a host (schema order, as above). */
const KMS_HOST_FIELDS = [
  "currentCount",
  "listeningPort",
  "dnsPublishing",
  "kmsPriority",
  "totalRequests",
  "failedRequests",
  "requestsUnlicensed",
  "requestsLicensed",
  "requestsInitialGrace",
  "requestsExpiredOrOot",
  "requestsNonGenuineGrace",
  "requestsNotification",
] as const satisfies readonly (keyof ParsedProduct)[];

function nullFields<K extends keyof ParsedProduct>(fields: readonly K[]): Record<K, null> {
  return Object.fromEntries(fields.map((field) => [field, null])) as Record<K, null>;
}

export function emptyProduct(): ParsedProduct {
  return {
    source: "dlv",
    serviceVersion: null,
    name: null,
    description: null,
    channel: null,
    activationId: null,
    applicationId: null,
    extendedPid: null,
    productKeyChannel: null,
    partialProductKey: null,
    licenseStatus: null,
    graceRemainingMin: null,
    notificationReason: null,
    hresult: null,
    remainingWindowsRearmCount: null,
    remainingSkuRearmCount: null,
    remainingAppRearmCount: null,
    trustedTime: null,
    configuredActivationType: null,
    adActivationObjectName: null,
    kmsHardwareSecured: null,
    ...nullFields(KMS_CLIENT_FIELDS),
    isKmsHost: false,
    ...nullFields(KMS_HOST_FIELDS),
  };
}

export function newDraft(implicit: boolean): ProductDraft {
  return { product: emptyProduct(), kmsEnabledLine: false, implicit, sawLicenseStatus: false, warnings: [] };
}

type IntField =
  | "graceRemainingMin"
  | "remainingWindowsRearmCount"
  | "remainingSkuRearmCount"
  | "remainingAppRearmCount"
  | "activationIntervalMin"
  | "renewalIntervalMin"
  | "currentCount"
  | "totalRequests"
  | "failedRequests"
  | "requestsUnlicensed"
  | "requestsLicensed"
  | "requestsInitialGrace"
  | "requestsExpiredOrOot"
  | "requestsNonGenuineGrace"
  | "requestsNotification";

const INT_FIELDS: Partial<Record<LabelId, IntField>> = {
  graceRemaining: "graceRemainingMin",
  windowsRearm: "remainingWindowsRearmCount",
  skuRearm: "remainingSkuRearmCount",
  appRearm: "remainingAppRearmCount",
  activationInterval: "activationIntervalMin",
  renewalInterval: "renewalIntervalMin",
  currentCount: "currentCount",
  totalRequests: "totalRequests",
  failedRequests: "failedRequests",
  reqUnlicensed: "requestsUnlicensed",
  reqLicensed: "requestsLicensed",
  reqInitialGrace: "requestsInitialGrace",
  reqExpiredOrOot: "requestsExpiredOrOot",
  reqNonGenuine: "requestsNonGenuineGrace",
  reqNotification: "requestsNotification",
};

type TextField =
  | "name"
  | "adActivationObjectName"
  | "extendedPid"
  | "productKeyChannel"
  | "trustedTime"
  | "kmsLookupDomain"
  | "kmsHostExtendedPid";

/** Values kept as the text they are (trimmed, empty as null). */
const TEXT_FIELDS: Partial<Record<LabelId, TextField>> = {
  name: "name",
  aoName: "adActivationObjectName",
  extendedPid: "extendedPid",
  productKeyChannel: "productKeyChannel",
  trustedTime: "trustedTime",
  lookupDomain: "kmsLookupDomain",
  kmsEpid: "kmsHostExtendedPid",
};

/** GUID values, with the label a warning names when the value is not one. */
const GUID_FIELDS: Partial<Record<LabelId, { field: "activationId" | "applicationId" | "cmid"; label: string }>> = {
  activationId: { field: "activationId", label: "Activation ID" },
  applicationId: { field: "applicationId", label: "Application ID" },
  cmid: { field: "cmid", label: "CMID" },
};

function guidOf(draft: ProductDraft, label: string, value: string): string | null {
  const guid = parseGuid(value);
  if (guid === null && value.trim() !== "") draft.warnings.push(`${label} "${value.trim().slice(0, 60)}" is not a GUID`);
  return guid;
}

/** Idempotent: a wrapped value is re-applied whole once its continuation line is joined. */
export function applyField(draft: ProductDraft, id: LabelId, value: string): void {
  const p = draft.product;
  const intField = INT_FIELDS[id];
  if (intField) {
    p[intField] = parseIntLoose(value);
    return;
  }
  const textField = TEXT_FIELDS[id];
  if (textField) {
    p[textField] = textOrNull(value);
    return;
  }
  const guid = GUID_FIELDS[id];
  if (guid) {
    p[guid.field] = guidOf(draft, guid.label, value);
    return;
  }
  applyOtherField(draft, id, value);
}

/** Labels whose value needs its own decoder, sets more than one field, or is the whole line. */
function applyOtherField(draft: ProductDraft, id: LabelId, value: string): void {
  const p = draft.product;
  switch (id) {
    case "description":
      p.description = textOrNull(value);
      p.channel = channelOf(value);
      return;
    case "partialProductKey":
      p.partialProductKey = isNotInUse(value) ? null : textOrNull(value);
      return;
    case "licenseStatus":
      draft.sawLicenseStatus = true;
      p.licenseStatus = parseLicenseStatus(value);
      return;
    case "notificationReason":
      p.notificationReason = parseHresult(value);
      return;
    case "activationType":
      p.configuredActivationType = parseActivationType(value);
      return;
    case "kmsRegistered":
    case "kmsFromDns": {
      const { host, port } = parseHostPort(value);
      p.kmsHost = host;
      p.kmsPort = port;
      p.kmsHostSource = id === "kmsFromDns" ? "dns" : "registered";
      return;
    }
    case "kmsDnsUnavailable":
      p.kmsHost = null;
      p.kmsPort = null;
      p.kmsHostSource = "dns";
      return;
    case "kmsIp":
      p.kmsHostIp = parseIp(value);
      return;
    case "listeningPort":
      p.listeningPort = normalizePort(parseIntLoose(value));
      return;
    case "kmsPriority":
      p.kmsPriority = parsePriority(value);
      return;
    case "hostCachingOn":
    case "hostCachingOff":
      p.hostCaching = id === "hostCachingOn";
      return;
    case "dnsPublishingOn":
    case "dnsPublishingOff":
      p.dnsPublishing = id === "dnsPublishingOn";
      return;
    case "kmsEnabled":
      draft.kmsEnabledLine = true;
      return;
    default:
      // Service version is global (handled by the caller); Installation ID, URLs, evaluation date
      // and section headers are recognized but have no ParsedProduct field.
      return;
  }
}

export function finalizeDraft(draft: ProductDraft, fallbackVersion: string | null): ParsedProduct {
  const p = draft.product;
  if (p.serviceVersion === null) p.serviceVersion = fallbackVersion;
  const channel = p.channel ?? "";
  // The "enabled on this machine" header is sometimes lost in pastes while the counters survive.
  p.isKmsHost =
    draft.kmsEnabledLine ||
    KMS_HOST_FIELDS.some((k) => p[k] !== null) ||
    (channel.startsWith("VOLUME_KMS") && !channel.startsWith("VOLUME_KMSCLIENT"));
  return p;
}
