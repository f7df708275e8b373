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
    cmid: null,
    kmsHost: null,
    kmsPort: null,
    kmsHostIp: null,
    kmsHostSource: null,
    kmsHostExtendedPid: null,
    kmsLookupDomain: null,
    activationIntervalMin: null,
    renewalIntervalMin: null,
    hostCaching: null,
    isKmsHost: false,
    currentCount: null,
    listeningPort: null,
    dnsPublishing: null,
    kmsPriority: null,
    totalRequests: null,
    failedRequests: null,
    requestsUnlicensed: null,
    requestsLicensed: null,
    requestsInitialGrace: null,
    requestsExpiredOrOot: null,
    requestsNonGenuineGrace: null,
    requestsNotification: null,
  };
}

export function newDraft(implicit: boolean): ProductDraft {
  return { product: emptyProduct(), kmsEnabledLine: false, implicit, sawLicenseStatus: false, warnings: [] };
}

type IntField =
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

function guidField(draft: ProductDraft, label: string, value: string): string | null {
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
  switch (id) {
    case "name":
      p.name = textOrNull(value);
      return;
    case "aoName":
      p.adActivationObjectName = textOrNull(value);
      return;
    case "description":
      p.description = textOrNull(value);
      p.channel = channelOf(value);
      return;
    case "activationId":
      p.activationId = guidField(draft, "Activation ID", value);
      return;
    case "applicationId":
      p.applicationId = guidField(draft, "Application ID", value);
      return;
    case "extendedPid":
      p.extendedPid = textOrNull(value);
      return;
    case "productKeyChannel":
      p.productKeyChannel = textOrNull(value);
      return;
    case "partialProductKey":
      p.partialProductKey = isNotInUse(value) ? null : textOrNull(value);
      return;
    case "licenseStatus":
      draft.sawLicenseStatus = true;
      p.licenseStatus = parseLicenseStatus(value);
      return;
    case "graceRemaining":
      p.graceRemainingMin = parseIntLoose(value);
      return;
    case "notificationReason":
      p.notificationReason = parseHresult(value);
      return;
    case "trustedTime":
      p.trustedTime = textOrNull(value);
      return;
    case "activationType":
      p.configuredActivationType = parseActivationType(value);
      return;
    case "cmid":
      p.cmid = guidField(draft, "CMID", value);
      return;
    case "lookupDomain":
      p.kmsLookupDomain = textOrNull(value);
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
    case "kmsEpid":
      p.kmsHostExtendedPid = textOrNull(value);
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

const HOST_EVIDENCE = [
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
] as const;

export function finalizeDraft(draft: ProductDraft, fallbackVersion: string | null): ParsedProduct {
  const p = draft.product;
  if (p.serviceVersion === null) p.serviceVersion = fallbackVersion;
  const channel = p.channel ?? "";
  // The "enabled on this machine" header is sometimes lost in pastes while the counters survive.
  p.isKmsHost =
    draft.kmsEnabledLine ||
    HOST_EVIDENCE.some((k) => p[k] !== null) ||
    (channel.startsWith("VOLUME_KMS") && !channel.startsWith("VOLUME_KMSCLIENT"));
  return p;
}
