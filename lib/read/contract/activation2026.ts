// Answers of the "activation in 2026" views: a host, a client, the fleet, machines by activation type.
// (Why here and not server-only: lib/read/contract/shared.ts.) The pieces mirror lib/kms's pure types
// (Readiness, ClientProduct, CoverageVerdict): the read functions return them, the compiler checks they fit.
import { z } from "zod";
import { COVERAGE_TEXT_KEYS } from "@/lib/kms/coverage";
import { findingSchema, isoSchema } from "@/lib/kms/finding";
import { activationTypes } from "@/lib/kms/activationType";
import { notReadyReasons } from "@/lib/kms/hardwareSecured";
import { windowsProductIds } from "@/lib/kms/hostKeyCoverage";
import { officeProductIds } from "@/lib/kms/officeVolumePacks";
import { int, intOrNull, textOrNull } from "@/lib/read/contract/shared";

const notReadyReasonSchema = z.enum(notReadyReasons);
const readinessSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("ready"), note: textOrNull }),
  z.object({ state: z.literal("not_ready"), reasons: z.array(notReadyReasonSchema), mustChangeHardware: z.boolean() }),
  z.object({ state: z.literal("unknown"), why: z.enum(["older_windows", "no_data"]), note: textOrNull }),
]);
const reasonFixSchema = z.object({ reason: notReadyReasonSchema, label: z.string(), fix: z.string() });

const clientProductSchema = z.discriminatedUnion("family", [
  z.object({ family: z.literal("windows"), id: z.enum(windowsProductIds), name: z.string() }),
  z.object({ family: z.literal("office"), id: z.enum(officeProductIds), name: z.string() }),
]);
/** A verdict's sentence as a catalogue message (activation2026.verdict), for the reader's language. */
const coverageTextSchema = z.object({ key: z.enum(COVERAGE_TEXT_KEYS), values: z.record(z.string(), z.string()) });
const coverageVerdictSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("covered"), why: z.string(), text: z.object({ why: coverageTextSchema }) }),
  z.object({
    status: z.literal("not_covered"),
    why: z.string(),
    fix: z.string(),
    text: z.object({ why: coverageTextSchema, fix: coverageTextSchema }),
  }),
  z.object({
    status: z.literal("unknown"),
    why: z.string(),
    fix: textOrNull,
    text: z.object({ why: coverageTextSchema, fix: coverageTextSchema.nullable() }),
  }),
]);
const activationTypeSchema = z.enum(activationTypes);

/** A client product that asked the host in the last 30 days (its 12290 events). */
const askedProductSchema = z.object({
  /** null when the activation ID is named by no snapshot in the fleet. */
  product: clientProductSchema.nullable(),
  activationId: textOrNull,
  clients: int,
  cmids: int,
  lastAt: isoSchema,
  /** Requests refused with 0xC004F042 (the host key does not cover the product). */
  refusedNotCovered: int,
  clientFqdns: z.array(z.string()),
});
export type AskedProduct = z.infer<typeof askedProductSchema>;

/** A Key Management Service log event other than 12288-12293, read back from its stored XML. */
const kmsLogEventSchema = z.object({
  eventId: int,
  recordId: int,
  timeCreated: isoSchema,
  level: z.enum(["Critical", "Error", "Warning", "Information", "Verbose"]).nullable(),
  provider: textOrNull,
  /** The rendered message (<RenderingInfo><Message>) when the agent sent it; else the event's data values. */
  message: textOrNull,
  rendered: z.boolean(),
});
export type KmsLogEvent = z.infer<typeof kmsLogEventSchema>;

export const hostActivation2026Schema = z.object({
  machineId: z.string(),
  fqdn: z.string(),
  hostKey: z.object({
    channel: textOrNull,
    name: textOrNull,
    channelSource: textOrNull,
    /** What the key activates per the table (an older host may also need an update for the newest of these). */
    activates: z.array(z.string()),
    source: textOrNull,
    hostOs: textOrNull,
    build: textOrNull,
    officeKeys: z.array(z.string()),
  }),
  hardwareSecured: z.intersection(
    readinessSchema,
    z.object({
      sentence: z.enum(["eligible", "not_eligible"]).nullable(),
      tpm: z
        .object({
          present: z.boolean().nullable(),
          enabled: z.boolean().nullable(),
          specVersion: textOrNull,
          keyAttestation: z.boolean().nullable(),
          source: textOrNull,
          error: textOrNull,
          collectedAt: isoSchema,
        })
        .nullable(),
      fixes: z.array(reasonFixSchema),
    }),
  ),
  products: z.array(askedProductSchema.extend({ verdict: coverageVerdictSchema.nullable() })),
  office: z.object({ clients: int, currentCount: intOrNull, threshold: int }),
  otherEvents: z.array(kmsLogEventSchema),
  /** The raw OSLicense answers, as the agent sent them. */
  osLicense: z.array(z.object({ kind: z.string(), collectedAt: isoSchema, body: z.unknown(), error: textOrNull })),
  findings: z.array(findingSchema),
});
export type HostActivation2026 = z.infer<typeof hostActivation2026Schema>;

const clientProduct2026Schema = z.object({
  family: z.enum(["windows", "office"]),
  productKey: z.string(),
  name: textOrNull,
  product: clientProductSchema.nullable(),
  activationType: activationTypeSchema,
  activationTypeLabel: z.string(),
  kmsHost: textOrNull,
  adObject: textOrNull,
  configuredActivationType: textOrNull,
  licenseStatus: textOrNull,
  expiresAt: isoSchema.nullable(),
  hresult: textOrNull,
  remainingAppRearmCount: intOrNull,
  /** Whether its KMS host's key covers it; null unless activated by KMS against a host with an agent. */
  coverage: z.intersection(z.object({ host: z.string() }), coverageVerdictSchema).nullable(),
  findings: z.array(findingSchema),
});
export const clientActivation2026Schema = z.object({
  machineId: z.string(),
  windows: z.array(clientProduct2026Schema),
  office: z.array(clientProduct2026Schema),
});
export type ClientActivation2026 = z.infer<typeof clientActivation2026Schema>;

const activationCountsSchema = z.object(
  Object.fromEntries(activationTypes.map((t) => [t, int])) as Record<(typeof activationTypes)[number], typeof int>,
);
const fixAtSchema = z.object({ fqdn: z.string(), why: z.string() });

export const fleetActivation2026Schema = z.object({
  hardwareSecured: z.object({
    total: int,
    ready: int,
    notReady: int,
    unknown: int,
    mustChangeHardware: z.array(z.string()),
    byReason: z.array(reasonFixSchema.extend({ hosts: z.array(z.string()) })),
    hosts: z.array(
      z.object({ machineId: z.string(), fqdn: z.string(), hostOs: textOrNull, hostKey: textOrNull, readiness: readinessSchema }),
    ),
  }),
  coverage: z.array(
    z.object({
      product: clientProductSchema,
      machines: int,
      status: z.enum(["covered", "unknown", "not_covered"]),
      severity: z.enum(["critical", "warning"]).nullable(),
      coveringHosts: z.array(z.string()),
      uncertainHosts: z.array(
        fixAtSchema.extend({ fix: textOrNull, text: z.object({ why: coverageTextSchema, fix: coverageTextSchema.nullable() }) }),
      ),
      hostsWithoutKey: z.array(z.string()),
      fixes: z.array(fixAtSchema.extend({ fix: z.string(), text: z.object({ why: coverageTextSchema, fix: coverageTextSchema }) })),
    }),
  ),
  activation: z.object({ windows: activationCountsSchema, office: activationCountsSchema }),
  adObjects: z.array(z.string()),
});
export type FleetActivation2026 = z.infer<typeof fleetActivation2026Schema>;

export const activationTypeListSchema = z.object({
  type: activationTypeSchema,
  total: int,
  rows: z.array(
    z.object({
      id: z.string(),
      fqdn: z.string(),
      role: z.string(),
      product: textOrNull,
      licenseStatus: textOrNull,
      kmsHost: textOrNull,
      adObject: textOrNull,
    }),
  ),
});
export type ActivationTypeList = z.infer<typeof activationTypeListSchema>;
