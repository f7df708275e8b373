// Does a KMS host's key cover a client product? From the host's products (its Windows CSVLK by channel, its
// Office host keys), its OS build and update level, and the tables in hostKeyCoverage.ts / officeVolumePacks.ts.
// Pure. "unknown" whenever a fact is missing: a guess here would send an admin to install the wrong key.
import { OFFICE_APP_ID } from "@/lib/kms/appIds";
import { hostKeys, hostOsNames, requiredUpdates, type HostKeyRow, type HostOs } from "@/lib/kms/hostKeyCoverage";
import { officeVersions, type OfficeProductId } from "@/lib/kms/officeVolumePacks";
import { hostOsOf, parseOsVersion, type ClientProduct, type OsVersion } from "@/lib/kms/productIdentity";

export type HostProductFacts = {
  applicationId: string | null;
  name: string | null;
  channel: string | null;
  isKmsHost: boolean;
  serviceVersion: string | null;
};

export type HostKeySet = {
  /** The Windows host key row matched by channel; null when not installed or not recognized. */
  windowsKey: HostKeyRow | null;
  windowsChannel: string | null;
  hostOs: HostOs | null;
  version: OsVersion | null;
  /** Office versions whose KMS host key (Volume License Pack) is installed. */
  officeKeys: OfficeProductId[];
};

const isHostChannel = (channel: string | null) => /^VOLUME_KMS(?!CLIENT)/i.test(channel ?? "");

export function hostKeySetOf(products: readonly HostProductFacts[]): HostKeySet {
  const hostProducts = products.filter((p) => p.isKmsHost || isHostChannel(p.channel));
  const windows = hostProducts.find((p) => p.applicationId?.toLowerCase() !== OFFICE_APP_ID);
  const windowsChannel = windows?.channel?.toUpperCase() ?? null;
  const officeKeys = hostProducts
    .filter((p) => p.applicationId?.toLowerCase() === OFFICE_APP_ID)
    .flatMap((p) => officeVersions.filter((v) => (p.name ?? "").toLowerCase().startsWith(v.namePrefix.toLowerCase())).map((v) => v.id));
  const serviceVersion = (windows ?? products[0])?.serviceVersion ?? null;
  return {
    windowsKey: windowsChannel ? (hostKeys.find((k) => k.channels.includes(windowsChannel)) ?? null) : null,
    windowsChannel,
    hostOs: hostOsOf(serviceVersion),
    version: parseOsVersion(serviceVersion),
    officeKeys: [...new Set(officeKeys)],
  };
}

/**
 * A verdict's sentence for the dashboard to say in the user's language: the catalogue key under
 * activation2026.verdict and its values (names, KBs, builds, commands stay as they are). `why` and `fix` are the
 * same sentences in English, for findings and notifications; a unit test keeps the two in step.
 */
export type CoverageText = { key: CoverageTextKey; values: Record<string, string> };
export const COVERAGE_TEXT_KEYS = [
  "channelNotInTable",
  "keyNotReported",
  "keyDoesNotActivate",
  "installNewerKey",
  "activates",
  "activatesWithUpdate",
  "predatesUpdate",
  "installUpdate",
  "needsUpdate",
  "checkUpdate",
  "officeActivates",
  "noOfficeKey",
  "installOfficePack",
] as const;
export type CoverageTextKey = (typeof COVERAGE_TEXT_KEYS)[number];

export type CoverageVerdict =
  | { status: "covered"; why: string; text: { why: CoverageText } }
  | { status: "not_covered"; why: string; fix: string; text: { why: CoverageText; fix: CoverageText } }
  | { status: "unknown"; why: string; fix: string | null; text: { why: CoverageText; fix: CoverageText | null } };

const say = (key: CoverageTextKey, values: Record<string, string> = {}): CoverageText => ({ key, values });
const IPK_CSVLK = "slmgr.vbs /ipk <CSVLK>";

/** The update a host of this OS needs for this client product, if the table lists one. */
export function requiredUpdateFor(hostOs: HostOs | null, product: ClientProduct) {
  if (hostOs === null || product.family !== "windows") return null;
  return requiredUpdates.find((u) => u.hostOs === hostOs && u.clients.includes(product.id)) ?? null;
}

/** true/false when the host's build says whether the update is in; null when its revision is not reported. */
function updateInstalled(version: OsVersion | null, min: { build: number; revision: number }): boolean | null {
  if (version === null || version.build !== min.build || version.revision === null) return null;
  return version.revision >= min.revision;
}

/** The newest-first host key rows that activate the product and can be installed on this host's OS. */
function keysFor(product: ClientProduct, hostOs: HostOs | null): HostKeyRow[] {
  if (product.family !== "windows") return [];
  return hostKeys.filter((k) => k.activates.includes(product.id) && (hostOs === null || k.hostedOn.includes(hostOs)));
}

function windowsVerdict(keys: HostKeySet, product: Extract<ClientProduct, { family: "windows" }>): CoverageVerdict {
  const update = requiredUpdateFor(keys.hostOs, product);
  const kbText = update ? ` and ${update.kb} (or a later cumulative update) on this host` : "";
  if (keys.windowsKey === null) {
    return {
      status: "unknown",
      why: keys.windowsChannel
        ? `the host key channel ${keys.windowsChannel} is not in kmswatch's table`
        : "the host's key (CSVLK channel) is not reported",
      fix: null,
      text: {
        why: keys.windowsChannel ? say("channelNotInTable", { channel: keys.windowsChannel }) : say("keyNotReported"),
        fix: null,
      },
    };
  }
  if (!keys.windowsKey.activates.includes(product.id)) {
    const candidates = keysFor(product, keys.hostOs);
    const key = candidates.at(-1) ?? keysFor(product, null).at(-1);
    const oses = candidates.length > 0 ? "" : (key?.hostedOn.map((os) => hostOsNames[os]).join(" / ") ?? "");
    const where = candidates.length > 0 ? "" : ` (not installable on this host's OS: use a ${oses} host)`;
    return {
      status: "not_covered",
      why: `${keys.windowsKey.name} does not activate ${product.name} (0xC004F042 on the client)`,
      fix: `install the ${key?.name ?? "newer"} on this host${where}${kbText}: slmgr.vbs /ipk <CSVLK>, then slmgr.vbs /ato`,
      text: {
        why: say("keyDoesNotActivate", { key: keys.windowsKey.name, product: product.name }),
        fix: say("installNewerKey", {
          key: key?.name ?? "none",
          oses: oses || "none",
          kb: update?.kb ?? "none",
          ipk: IPK_CSVLK,
          ato: "slmgr.vbs /ato",
        }),
      },
    };
  }
  if (update === null) {
    return {
      status: "covered",
      why: `${keys.windowsKey.name} activates ${product.name}`,
      text: { why: say("activates", { key: keys.windowsKey.name, product: product.name }) },
    };
  }
  const installed = updateInstalled(keys.version, update.minBuild);
  if (installed === true) {
    return {
      status: "covered",
      why: `${keys.windowsKey.name} activates ${product.name}; ${update.kb} is in (build ${update.minBuild.build}.${update.minBuild.revision} or later)`,
      text: {
        why: say("activatesWithUpdate", {
          key: keys.windowsKey.name,
          product: product.name,
          kb: update.kb,
          build: `${update.minBuild.build}.${update.minBuild.revision}`,
        }),
      },
    };
  }
  if (installed === false) {
    return {
      status: "not_covered",
      why: `${keys.windowsKey.name} covers ${product.name}, but this host's build ${keys.version?.build}.${keys.version?.revision} predates ${update.kb}: it refuses these clients (0xC004F042)`,
      fix: `install ${update.kb} (or a later cumulative update) on this host, then restart the Software Protection service`,
      text: {
        why: say("predatesUpdate", {
          key: keys.windowsKey.name,
          product: product.name,
          build: `${keys.version?.build}.${keys.version?.revision}`,
          kb: update.kb,
        }),
        fix: say("installUpdate", { kb: update.kb }),
      },
    };
  }
  return {
    status: "unknown",
    why: `${keys.windowsKey.name} covers ${product.name} only with ${update.kb} on this host; its update level is not reported`,
    fix: `check that ${update.kb} or a later cumulative update is installed on this host`,
    text: {
      why: say("needsUpdate", { key: keys.windowsKey.name, product: product.name, kb: update.kb }),
      fix: say("checkUpdate", { kb: update.kb }),
    },
  };
}

export function coverageOf(keys: HostKeySet, product: ClientProduct): CoverageVerdict {
  if (product.family === "windows") return windowsVerdict(keys, product);
  const covering = officeVersions.filter((v) => keys.officeKeys.includes(v.id) && v.hostKeyActivates.includes(product.id));
  if (covering[0]) {
    return {
      status: "covered",
      why: `the ${covering[0].volumeLicensePack} host key activates ${product.name}`,
      text: { why: say("officeActivates", { pack: covering[0].volumeLicensePack, product: product.name }) },
    };
  }
  const own = officeVersions.find((v) => v.id === product.id);
  return {
    status: "not_covered",
    why: `no Office host key on this host activates ${product.name} (${keys.officeKeys.length === 0 ? "no Office Volume License Pack installed" : `installed: ${keys.officeKeys.join(", ")}`})`,
    fix: `install the ${own?.volumeLicensePack ?? "Office Volume License Pack"} on this host, then its Office KMS host key: slmgr.vbs /ipk <key>, slmgr.vbs /ato <Office KMS activation ID>`,
    text: {
      why: say("noOfficeKey", { product: product.name, installed: keys.officeKeys.join(", ") || "none" }),
      fix: say("installOfficePack", {
        pack: own?.volumeLicensePack ?? "none",
        ipk: "slmgr.vbs /ipk <key>",
        ato: "slmgr.vbs /ato <Office KMS activation ID>",
      }),
    },
  };
}
