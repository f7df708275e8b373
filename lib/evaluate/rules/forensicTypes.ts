// Inputs and outputs of the rogue-host forensics (issue #21): facts per KMS host *name* as clients see it
// (an emulator or impostor has no machine row, so the subject is the name, with the agent's machine when any).
import { z } from "zod";
import { evidenceValueSchema, findingSchema, severitySchema } from "./types";

const isoSchema = z.iso.datetime({ offset: true });

export const servedEpidSchema = z.object({
  family: z.string(),
  epid: z.string(),
  /** Distinct clients that reported this ePID under this host name, ever. */
  clients: z.number().int().nonnegative(),
  /** Of them, those whose product was Licensed when they reported it. */
  licensedClients: z.number().int().nonnegative(),
  firstSeenAt: isoSchema,
  lastSeenAt: isoSchema,
  /** IP addresses the clients reached the name at (DNS discovery reports them; /skms clients do not). */
  ips: z.array(z.string()),
  /** Some of the clients, by name (sorted), for the evidence. */
  clientSample: z.array(z.string()),
});
export type ServedEpid = z.infer<typeof servedEpidSchema>;

export const hostForensicFactsSchema = z.object({
  /** Host name as clients report it (lower case, no port). */
  host: z.string(),
  /** The kmswatch agent on a KMS host of that name, if any. */
  machineId: z.string().nullable(),
  /** Whether the name is on the approved list; null when there is no list. */
  approved: z.boolean().nullable(),
  /** OS build the host's own agent reports (SoftwareLicensingService.Version); null without an agent. */
  osBuild: z.number().int().nullable(),
  /** The host's own KMS host product ePIDs (ProductKeyID of its CSVLK products), per family. */
  ownEpids: z.array(
    z.object({
      family: z.string(),
      epid: z.string(),
      /** When the agent first reported this ePID (a host re-keyed since has its old ePID in clients' history). */
      since: isoSchema.nullable(),
    }),
  ),
  served: z.array(servedEpidSchema),
  /** Distinct clients that report this name as their KMS host (any source). */
  clientsReporting: z.number().int().nonnegative(),
  /** Distinct clients Licensed with this name as their host when they reported an ePID. */
  activatedClients: z.number().int().nonnegative(),
});
export type HostForensicFacts = z.infer<typeof hostForensicFactsSchema>;

export const verdictValues = ["impostor", "emulator", "suspicious", "genuine", "no-evidence"] as const;
export const verdictSchema = z.enum(verdictValues);
export type Verdict = z.infer<typeof verdictSchema>;

export const verdictLabels: Record<Verdict, string> = {
  impostor: "Impostor likely",
  emulator: "Emulator likely",
  suspicious: "Suspicious",
  genuine: "Genuine as far as we can tell",
  "no-evidence": "No ePID evidence yet",
};

export const forensicSignalSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  title: z.string(),
  subject: z.object({ kind: z.literal("host"), host: z.string(), machineId: z.string().nullable() }),
  cause: z.string(),
  fix: z.string(),
  evidence: z.record(z.string(), evidenceValueSchema),
  since: isoSchema.nullable(),
  /** The catalogue messages title, cause and fix were rendered from (as on a finding). */
  messages: findingSchema.shape.messages,
});
export type ForensicSignal = z.infer<typeof forensicSignalSchema>;
