// Public shapes of parsed KMS artifacts (the /api/v1/parse answer and the stored parsed columns).
// Every field is nullable: real pastes are partial, and "unknown" must never be confused with 0/false.
import { z } from "zod";
import { licenseStatusValues } from "./licenseStatus";

export { licenseStatusValues };
export const licenseStatusSchema = z.enum(licenseStatusValues);
export type LicenseStatus = z.infer<typeof licenseStatusSchema>;

/** CIM LicenseStatus / event LicensingStatus numbers (0..6) in documented order. */
export function licenseStatusFromCode(code: number | null | undefined): LicenseStatus | null {
  if (code === null || code === undefined || !Number.isInteger(code)) return null;
  return licenseStatusValues[code] ?? null;
}

/** `0x` + 8 upper-case hex digits. */
export const hresultSchema = z.string().regex(/^0x[0-9A-F]{8}$/);

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const parsedProductSchema = z.object({
  source: z.enum(["dlv", "cim"]),
  serviceVersion: nullable(z.string()),
  name: nullable(z.string()),
  description: nullable(z.string()),
  /** Word before " channel" in Description: VOLUME_KMSCLIENT, VOLUME_KMS_WS22, VOLUME_MAK, RETAIL, OEM_DM... */
  channel: nullable(z.string()),
  activationId: nullable(z.string()),
  applicationId: nullable(z.string()),
  extendedPid: nullable(z.string()),
  /** Volume:GVLK | Volume:CSVLK | Volume:MAK | Retail | OEM:DM ... */
  productKeyChannel: nullable(z.string()),
  partialProductKey: nullable(z.string()),
  licenseStatus: nullable(licenseStatusSchema),
  /** Minutes left: "Volume activation expiration" or "Time remaining" or CIM GracePeriodRemaining. */
  graceRemainingMin: nullable(z.number().int()),
  notificationReason: nullable(hresultSchema),
  /** LicenseStatusReason (CIM) as an HRESULT. */
  hresult: nullable(hresultSchema),
  remainingWindowsRearmCount: nullable(z.number().int()),
  remainingSkuRearmCount: nullable(z.number().int()),
  remainingAppRearmCount: nullable(z.number().int()),
  trustedTime: nullable(z.string()),
  configuredActivationType: nullable(z.string()),
  /** Active Directory-based activation: the activation object the product was activated by (/dlv "Activation Object name", CIM ADActivationObjectName). */
  adActivationObjectName: nullable(z.string()),
  /**
   * KMS host readiness for hardware-secured activation (Windows Server 2025, 2026-08 update): the machine-level
   * /dlv sentence "…eligible to serve as a KMS host with hardware-based security." or "…doesn't meet the requirements…".
   */
  kmsHardwareSecured: nullable(z.enum(["eligible", "not_eligible"])),
  // KMS client side
  cmid: nullable(z.string()),
  kmsHost: nullable(z.string()),
  kmsPort: nullable(z.number().int()),
  kmsHostIp: nullable(z.string()),
  kmsHostSource: nullable(z.enum(["dns", "registered"])),
  kmsHostExtendedPid: nullable(z.string()),
  kmsLookupDomain: nullable(z.string()),
  activationIntervalMin: nullable(z.number().int()),
  renewalIntervalMin: nullable(z.number().int()),
  hostCaching: nullable(z.boolean()),
  // KMS host side
  isKmsHost: z.boolean(),
  currentCount: nullable(z.number().int()),
  listeningPort: nullable(z.number().int()),
  dnsPublishing: nullable(z.boolean()),
  kmsPriority: nullable(z.enum(["Normal", "Low"])),
  totalRequests: nullable(z.number().int()),
  failedRequests: nullable(z.number().int()),
  requestsUnlicensed: nullable(z.number().int()),
  requestsLicensed: nullable(z.number().int()),
  requestsInitialGrace: nullable(z.number().int()),
  requestsExpiredOrOot: nullable(z.number().int()),
  requestsNonGenuineGrace: nullable(z.number().int()),
  requestsNotification: nullable(z.number().int()),
});
export type ParsedProduct = z.infer<typeof parsedProductSchema>;
/** Fields added after snapshots were first stored: left out of a snapshot's content hash while null, so adding them changed no stored hash. */
export const laterProductFields = ["adActivationObjectName", "kmsHardwareSecured"] as const satisfies readonly (keyof ParsedProduct)[];

export const kmsEventIds = [12288, 12289, 12290, 12293] as const;

export const parsedEventSchema = z.object({
  eventId: z.number().int(),
  recordId: nullable(z.number().int()),
  /** ISO-8601 UTC. */
  timeCreated: nullable(z.string()),
  computer: nullable(z.string()),
  /** Event log channel: "Application" | "Key Management Service" | other. */
  log: nullable(z.string()),
  provider: nullable(z.string()),
  hresult: nullable(hresultSchema),
  /** 12288/12289 Status flags as an HRESULT-shaped hex string. */
  status: nullable(hresultSchema),
  kmsHost: nullable(z.string()),
  kmsPort: nullable(z.number().int()),
  cmid: nullable(z.string()),
  /** ISO-8601 (treated as UTC) from the ClientTime field. */
  clientTime: nullable(z.string()),
  isVm: nullable(z.boolean()),
  licenseStatus: nullable(licenseStatusSchema),
  minutesToExpiry: nullable(z.number().int()),
  activationId: nullable(z.string()),
  minCount: nullable(z.number().int()),
  clientFqdn: nullable(z.string()),
  activated: nullable(z.boolean()),
  hostCurrentCount: nullable(z.number().int()),
  activationIntervalMin: nullable(z.number().int()),
  renewalIntervalMin: nullable(z.number().int()),
  domain: nullable(z.string()),
});
export type ParsedEvent = z.infer<typeof parsedEventSchema>;

export const parseFailureCodes = ["empty", "too_large", "not_recognized", "malformed"] as const;
export type ParseFailure = { code: (typeof parseFailureCodes)[number]; message: string };

/** What a parser recognized and what it kept aside, so a paste box can show both. */
export type ParseReport = { recognized: string[]; unrecognized: string[]; warnings: string[] };

export type ParseResult<T> = ({ ok: true; value: T } & ParseReport) | { ok: false; error: ParseFailure };

/** Inputs above this are refused (never scanned) so a 10 MB paste cannot hang a parser. */
export const MAX_PARSE_INPUT_CHARS = 2_000_000;
