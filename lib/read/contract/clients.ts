// Answers of the client API: the clients table, one client, the ePIDs it received, a raw artifact.
// (Why here and not server-only: lib/read/contract/shared.ts.)
import { z } from "zod";
import { findingSchema, isoSchema } from "@/lib/kms/finding";
import { verdictSchema } from "@/lib/evaluate/rules/forensicTypes";
import { int, intOrNull, textOrNull, worstFindingSchema } from "@/lib/read/contract/shared";

export const clientListSchema = z.object({
  total: int,
  page: int,
  pageSize: int,
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: textOrNull,
  /** Pass as `before` for the previous page; null on the first page. */
  prevCursor: textOrNull,
  rows: z.array(
    z.object({
      id: z.string(),
      fqdn: z.string(),
      hostname: z.string(),
      lastCheckInAt: isoSchema,
      licenseStatus: textOrNull,
      channel: textOrNull,
      productKeyChannel: textOrNull,
      partialProductKey: textOrNull,
      expiresAt: isoSchema.nullable(),
      cmid: textOrNull,
      kmsHost: textOrNull,
      kmsPort: intOrNull,
      edition: textOrNull,
      worstFinding: worstFindingSchema,
    }),
  ),
});
export type ClientList = z.infer<typeof clientListSchema>;

const clientEventSchema = z.object({
  eventId: int,
  timeCreated: isoSchema,
  hresult: textOrNull,
  kmsHost: textOrNull,
  kmsPort: intOrNull,
  activated: z.boolean().nullable(),
  hostCurrentCount: intOrNull,
  minCount: intOrNull,
  licenseStatus: textOrNull,
});

const snapshotFields = {
  id: z.string(),
  source: z.string(),
  productKey: z.string(),
  name: textOrNull,
  collectedAt: isoSchema,
  lastSeenAt: isoSchema,
  licenseStatus: textOrNull,
  cmid: textOrNull,
  rawArtifactId: z.string(),
};

export const clientDetailSchema = z.object({
  machine: z.object({
    id: z.string(),
    fqdn: z.string(),
    hostname: z.string(),
    role: z.enum(["unknown", "kms_host", "client"]),
    /** The earliest evidence of the machine (CMID history, events), not its agent's enrollment. */
    firstSeenAt: isoSchema,
    enrolledAt: isoSchema,
    lastSeenAt: isoSchema,
  }),
  products: z.array(
    z.object({
      ...snapshotFields,
      channel: textOrNull,
      kmsHost: textOrNull,
      kmsPort: intOrNull,
      currentCount: intOrNull,
      /** The parsed product as stored (its columns and its JSON), every known field present. */
      parsed: z.record(z.string(), z.unknown()),
      expiresAt: isoSchema.nullable(),
    }),
  ),
  cmidHistory: z.array(z.object({ cmid: z.string(), firstSeenAt: isoSchema, lastSeenAt: isoSchema })),
  /** 12288 requests paired with the 12289 answers, newest first. */
  timeline: z.array(
    z.object({
      at: isoSchema,
      request: clientEventSchema.nullable(),
      response: clientEventSchema.nullable(),
      answered: z.boolean(),
      hresultMeaning: textOrNull,
    }),
  ),
  snapshotHistory: z.array(z.object(snapshotFields)),
  findings: z.array(findingSchema),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

export const clientEpidsSchema = z.object({
  client: z.string(),
  received: z.array(
    z.object({
      host: z.string(),
      family: z.string(),
      epid: z.string(),
      ip: textOrNull,
      licensed: z.boolean(),
      firstSeenAt: isoSchema,
      lastSeenAt: isoSchema,
      /** match: the host's own agent reports this ePID; mismatch: it reports another; unknown: no agent or no own ePID. */
      match: z.enum(["match", "mismatch", "unknown"]),
      hostEpids: z.array(z.string()),
      hostMachineId: textOrNull,
      hostVerdict: verdictSchema,
    }),
  ),
});
export type ClientEpids = z.infer<typeof clientEpidsSchema>;

/** A /dlv text or CIM JSON as the agent sent it; body null once retention pruned it. */
export const rawArtifactSchema = z.object({
  id: z.string(),
  type: z.string(),
  body: textOrNull,
  prunedAt: isoSchema.nullable(),
  firstSeenAt: isoSchema,
  lastSeenAt: isoSchema,
  machine: z.object({ fqdn: z.string() }),
});
export type RawArtifact = z.infer<typeof rawArtifactSchema>;
