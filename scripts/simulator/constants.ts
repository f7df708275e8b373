// Public constants (edition Activation IDs, AppIDs, GVLK tails) and the KMS facts the model obeys.
// Values follow ../shared/docs/kms-formats.md; names and IPs are fictitious (contoso.com).

export { WINDOWS_APP_ID } from "../../lib/kms/appIds";
export const ACT_ID_WIN_ENTERPRISE = "73111121-5638-40f6-bc11-f1d7b0d64300";
export const ACT_ID_SERVER_2022_STD = "9bd77860-9b31-4b7b-96ad-2564017315bf";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const ACTIVATION_INTERVAL_MIN = 120;
export const RENEWAL_INTERVAL_MIN = 10080;
export const ACTIVATION_VALIDITY_MIN = 259200;
export const OOB_GRACE_MIN = 30 * 1440;
export const OOT_GRACE_MIN = 30 * 1440;
export const KMS_CACHE_DAYS = 30;
export const KMS_PORT = 1688;

/** KMS client products the simulator knows: MinCount is the N-policy sent in 12288/12290. */
export const PRODUCTS = {
  win: {
    actId: ACT_ID_WIN_ENTERPRISE,
    name: "Windows(R), Enterprise edition",
    minCount: 25,
    version: "10.0.22631.3447",
    build: "22631",
    pidGroup: "03311",
    gvlkTail: "2YT43",
  },
  server: {
    actId: ACT_ID_SERVER_2022_STD,
    name: "Windows(R), ServerStandard edition",
    minCount: 5,
    version: "10.0.20348.2340",
    build: "20348",
    pidGroup: "03858",
    // Last 5 characters of the public Server 2022 Standard GVLK.
    gvlkTail: "VMK7H",
  },
} as const;
export type ProductKind = keyof typeof PRODUCTS;

export const HR = {
  OK: 0,
  INSUFFICIENT_COUNT: 0xc004f038,
  HOST_NOT_ACTIVATED: 0xc004f041,
  GRACE_EXPIRED: 0xc004f009,
  RPC_UNAVAILABLE: 0x800706ba,
  DNS_PUBLISH_FAILED: 0x80072338,
} as const;

/** 12289 Status flags: 0x04000000 NOT_ENOUGH_COUNT | 0x00000008 OTHER_PC, as in the branch fixture. */
export const STATUS_NOT_ENOUGH_COUNT = 0x04000008;

/** CIM LicenseStatusReason for the grace states (uint32 view of the HRESULT). */
export const REASON_OOB_GRACE = 0x4004f00c;
export const REASON_OOT_GRACE = 0x4004f00d;

/** License status codes shared by CIM LicenseStatus and the events' LicensingStatus. */
export const LS = { Unlicensed: 0, Licensed: 1, OOBGrace: 2, OOTGrace: 3, NonGenuine: 4, Notification: 5 } as const;
export type LicenseCode = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const KEY_CHARS = "BCDFGHJKMPQRTVWXY2346789";
export const UINT32_MINUS_ONE = 4294967295;
