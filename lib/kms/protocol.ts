// The agent protocol (enroll, ingest, parse): zod schemas are the single source of the
// request/response shapes; types are inferred, and the JSON Schema for agents is generated from them.
import { z } from "zod";
import { parsedEventSchema, parsedProductSchema } from "@/lib/kms/parsed";
import { findingSchema } from "@/lib/kms/finding";

export const MAX_ARTIFACTS_PER_BATCH = 1000;
const MAX_TEXT = 4 * 1024 * 1024;

export const eventLogSchema = z.enum(["Application", "Key Management Service"]);

export const dlvArtifactSchema = z.object({
  type: z.literal("dlv"),
  text: z.string().max(MAX_TEXT),
});
export const cimArtifactSchema = z.object({
  type: z.literal("cim"),
  service: z.record(z.string(), z.unknown()).nullable().optional(),
  products: z.array(z.record(z.string(), z.unknown())).max(200),
});
export const eventsArtifactSchema = z.object({
  type: z.literal("events"),
  log: eventLogSchema,
  xml: z.string().max(MAX_TEXT),
});
export const eventTextArtifactSchema = z.object({
  type: z.literal("eventText"),
  text: z.string().max(MAX_TEXT),
});

/** Client-side reachability check: `_vlmcs._tcp` lookup for the machine's domain, then TCP to the KMS host it uses. */
export const probeArtifactSchema = z.object({
  type: z.literal("probe"),
  checkedAt: z.iso.datetime({ offset: true }),
  domain: z.string().max(255).nullable(),
  srvRecords: z
    .array(
      z.object({
        target: z.string().max(255),
        port: z.number().int().min(0).max(65535),
        priority: z.number().int().optional(),
        weight: z.number().int().optional(),
      }),
    )
    .max(50),
  /** DNS error code when the lookup failed (e.g. ENOTFOUND, ENODATA); null when it answered. */
  srvError: z.string().max(200).nullable(),
  target: z
    .object({ host: z.string().max(255), port: z.number().int().min(1).max(65535), source: z.enum(["registered", "dns", "srv"]) })
    .nullable(),
  tcp: z.object({ ok: z.boolean(), latencyMs: z.number().nonnegative().nullable(), error: z.string().max(200).nullable() }).nullable(),
});
export type ProbeArtifact = z.infer<typeof probeArtifactSchema>;

/** KMS hosts: the TPM facts hardware-secured KMS needs (Get-Tpm, else Win32_Tpm). null = could not be determined. */
export const tpmArtifactSchema = z.object({
  type: z.literal("tpm"),
  present: z.boolean().nullable(),
  enabled: z.boolean().nullable(),
  activated: z.boolean().nullable(),
  /** Win32_Tpm.SpecVersion, e.g. "2.0, 0, 1.59". */
  specVersion: z.string().max(100).nullable(),
  /** Get-TpmSupportedFeature -FeatureList "Key Attestation"; null when that cmdlet does not exist. */
  keyAttestation: z.boolean().nullable(),
  source: z.enum(["Get-Tpm", "Win32_Tpm", "none"]),
  error: z.string().max(2000).nullable(),
});
export type TpmArtifact = z.infer<typeof tpmArtifactSchema>;

export const osLicenseCmdlets = ["Get-KmsLicenseInfo", "Get-OSLicenseInfo", "Get-ADLicenseInfo"] as const;
/** The OSLicense module's read-only cmdlets, one artifact each: their objects as JSON, kept raw. */
export const osLicenseArtifactSchema = z.object({
  type: z.literal("oslicense"),
  cmdlet: z.enum(osLicenseCmdlets),
  output: z.array(z.record(z.string(), z.unknown())).max(500),
  error: z.string().max(2000).nullable(),
});
export type OsLicenseArtifact = z.infer<typeof osLicenseArtifactSchema>;

export const knownArtifactSchema = z.discriminatedUnion("type", [
  dlvArtifactSchema,
  cimArtifactSchema,
  eventsArtifactSchema,
  probeArtifactSchema,
  tpmArtifactSchema,
  osLicenseArtifactSchema,
]);
export type KnownArtifact = z.infer<typeof knownArtifactSchema>;
export const knownArtifactTypes = ["dlv", "cim", "events", "probe", "tpm", "oslicense"] as const;

/**
 * Known artifact types must have the right shape (else 400); an unknown type from a newer
 * agent is accepted into quarantine instead of failing the whole batch.
 */
export const artifactSchema = z.union([
  knownArtifactSchema,
  z
    .object({ type: z.string().min(1).max(64) })
    .loose()
    .refine((value) => !(knownArtifactTypes as readonly string[]).includes(value.type), {
      message: "artifact does not match its type's schema",
    }),
]);
export type Artifact = z.infer<typeof artifactSchema>;

export const ingestRequestSchema = z.object({
  collectedAt: z.iso.datetime({ offset: true }),
  agentVersion: z.string().min(1).max(64),
  artifacts: z.array(artifactSchema).max(MAX_ARTIFACTS_PER_BATCH),
});
export type IngestRequest = z.infer<typeof ingestRequestSchema>;

export const rejectedArtifactSchema = z.object({ index: z.number().int(), error: z.string() });
export const ingestResponseSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectedArtifactSchema),
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;

const hostnameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._-]+$/, "must be a host name (letters, digits, '.', '-', '_')");

export const enrollRequestSchema = z.object({
  enrollSecret: z.string().min(1).max(512),
  hostname: hostnameSchema,
  fqdn: hostnameSchema,
  /**
   * A random secret the agent generates at its first enrollment and keeps in its protected state folder
   * (32+ characters, e.g. 32 random bytes in base64url). It binds the machine's identity to this installation:
   * while the machine has an active agent, only an enrollment presenting the same key is accepted.
   */
  installationKey: z
    .string()
    .min(32, "installationKey must be at least 32 characters")
    .max(256)
    .regex(/^[\x21-\x7e]+$/, "installationKey must be printable ASCII")
    .optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;
export const enrollResponseSchema = z.object({ agentId: z.uuid(), token: z.string() });
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const parseRequestSchema = z.discriminatedUnion("type", [
  dlvArtifactSchema,
  cimArtifactSchema,
  eventsArtifactSchema.extend({ log: eventLogSchema.optional() }),
  eventTextArtifactSchema,
]);
export type ParseRequest = z.infer<typeof parseRequestSchema>;

const parseReportSchema = z.object({
  recognized: z.array(z.string()),
  unrecognized: z.array(z.string()),
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
  /** Fields read by their shape (a GUID, 0x + 8 hex digits, 5 key characters, name:port) where no label was known. */
  readByShape: z.array(z.string()),
  /** What this one machine's artifact shows is wrong (the diagnosis rules on facts built from the paste alone). */
  findings: z.array(findingSchema),
});
export const parseResponseSchema = z.union([
  parseReportSchema.extend({ products: z.array(parsedProductSchema) }),
  parseReportSchema.extend({ events: z.array(parsedEventSchema) }),
]);
export type ParseResponse = z.infer<typeof parseResponseSchema>;
/** What the parsers alone give (lib/ingest/parse/preview.ts); the route adds the findings. */
export type ParsePreview = ParseResponse extends infer R ? (R extends unknown ? Omit<R, "findings"> : never) : never;
