// Answers of the fleet-wide views: the overview, duplicate CMIDs, the alerts list, the KMS host audit and the
// rogue-host forensics. (Why here and not server-only: lib/read/contract/shared.ts.)
import { z } from "zod";
import { EPID_PROBLEM_TEXT_KEYS } from "@/lib/kms/epid";
import { isoSchema, severitySchema } from "@/lib/kms/finding";
import { alertViewSchema } from "@/lib/evaluate/contract/alerts";
import { forensicSignalSchema, servedEpidSchema, verdictSchema } from "@/lib/evaluate/rules/forensicTypes";
import { int, intOrNull, textOrNull } from "@/lib/read/contract/shared";

const severityCountsSchema = z.object({ critical: int, warning: int, info: int });
/** One line per rule of the alerts summary: its worst severity, and how many hosts and clients have it. */
const ruleGroupSchema = z.object({ ruleId: z.string(), title: z.string(), severity: severitySchema, hosts: int, clients: int });
export type RuleGroup = z.infer<typeof ruleGroupSchema>;

export const fleetOverviewSchema = z.object({
  hosts: int,
  clients: int,
  /** Clients per license state ("Unknown" when none is reported). */
  licenseStates: z.record(z.string(), int),
  alertsBySeverity: severityCountsSchema,
  newestAlerts: z.array(alertViewSchema),
  alertsByRule: z.array(z.object({ ruleId: z.string(), title: z.string(), severity: severitySchema, count: int })),
  hostTrends: z.array(
    z.object({ machineId: z.string(), fqdn: z.string(), points: z.array(z.object({ bucket: isoSchema, count: intOrNull })) }),
  ),
});
export type FleetOverview = z.infer<typeof fleetOverviewSchema>;

export const duplicateCmidGroupSchema = z.object({
  cmid: z.string(),
  machines: z.array(z.string()),
  kmsHosts: z.array(z.string()),
  firstSeenAt: isoSchema,
  lastSeenAt: isoSchema,
  machineCount: int,
  /** Clients the host does not count: the group's size less one. */
  countLost: int,
});
export type DuplicateCmidGroup = z.infer<typeof duplicateCmidGroupSchema>;
export const duplicateCmidsSchema = z.object({ groups: z.array(duplicateCmidGroupSchema), fix: z.string() });

/** The first page of matching alerts and the counts of all of them (lib/read/alerts/alertCounts.ts). */
export const alertSummarySchema = z.object({
  inState: int,
  total: int,
  severityCounts: severityCountsSchema,
  rules: z.array(ruleGroupSchema),
});
export type AlertSummary = z.infer<typeof alertSummarySchema>;
export const alertListSchema = alertSummarySchema.extend({ alerts: z.array(alertViewSchema) });
export type AlertList = z.infer<typeof alertListSchema>;

export const hostAuditSchema = z.object({
  hosts: z.array(
    z.object({
      host: z.string(),
      sources: z.array(z.string()),
      /** Machines that report using it (their /dlv or 12288, ever). */
      clients: int,
      /** Clients its own 12290 log shows in 30 days; null without an agent on the host. */
      servedLast30d: intOrNull,
      clientSample: z.array(z.string()),
      currentCount: intOrNull,
      machineId: textOrNull,
      firstSeenAt: isoSchema,
      lastSeenAt: isoSchema,
      approved: z.boolean(),
    }),
  ),
  approved: z.array(z.object({ id: z.string(), host: z.string(), note: textOrNull, createdAt: isoSchema })),
  splitWarning: z.object({ message: z.string(), hostsInUse: int, hostsNeeded: int }).nullable(),
});
export type HostAudit = z.infer<typeof hostAuditSchema>;

const epidSourceSchema = z.object({ source: z.enum(["microsoft", "community"]), ref: z.string() });
const decodedEpidSchema = z
  .object({
    parts: z
      .object({
        platform: z.string(),
        keyGroup: z.string(),
        serial: z.string(),
        channel: z.string(),
        lcid: int,
        osBuild: int,
        activatedOn: textOrNull,
      })
      .nullable(),
    platformName: textOrNull,
    language: textOrNull,
    buildName: textOrNull,
    problems: z.array(
      z.object({
        part: z.string(),
        kind: z.enum(["malformed", "contradiction", "unverified"]),
        message: z.string(),
        /** The sentence as a catalogue message (forensics.problem), for the reader's language. */
        text: z.object({ key: z.enum(EPID_PROBLEM_TEXT_KEYS), values: z.record(z.string(), z.string()) }),
      }),
    ),
  })
  .nullable();

export const hostForensicsSchema = z.object({
  hosts: z.array(
    z.object({
      host: z.string(),
      machineId: textOrNull,
      approved: z.boolean().nullable(),
      osBuild: intOrNull,
      clientsReporting: int,
      activatedClients: int,
      verdict: verdictSchema,
      signals: z.array(forensicSignalSchema),
      ownEpids: z.array(z.object({ family: z.string(), epid: z.string(), since: isoSchema.nullable(), decoded: decodedEpidSchema })),
      served: z.array(servedEpidSchema.extend({ decoded: decodedEpidSchema, matchesHost: z.boolean().nullable() })),
    }),
  ),
  /** Where each part of the ePID layout comes from: Microsoft's documents or the community's reverse engineering. */
  sources: z.object({
    layout: epidSourceSchema,
    platform: epidSourceSchema,
    lcid: epidSourceSchema,
    build: epidSourceSchema,
    channel: epidSourceSchema,
  }),
});
export type HostForensics = z.infer<typeof hostForensicsSchema>;
export type HostForensicsEntry = HostForensics["hosts"][number];
