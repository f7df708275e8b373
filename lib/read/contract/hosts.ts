// Answers of the KMS host API: the hosts table, one host, its events, its clients, its count over time.
// (Why here and not server-only: lib/read/contract/shared.ts.)
import { z } from "zod";
import { messageRefSchema } from "@/lib/core/i18n/messageRef";
import { findingSchema, isoSchema } from "@/lib/kms/finding";
import { bucketUnitSchema, rangeSchema } from "@/lib/core/timeBuckets";
import { hostFactsSchema } from "@/lib/evaluate/rules/types";
import { int, intOrNull, textOrNull, worstFindingSchema } from "@/lib/read/contract/shared";

export const hostListRowSchema = z.object({
  id: z.string(),
  fqdn: z.string(),
  hostname: z.string(),
  lastCheckInAt: isoSchema,
  licenseStatus: textOrNull,
  currentCount: intOrNull,
  listeningPort: intOrNull,
  dnsPublishing: z.boolean().nullable(),
  serviceVersion: textOrNull,
  edition: textOrNull,
  channel: textOrNull,
  totalRequests: intOrNull,
  failedRequests: intOrNull,
  lastRequestAt: isoSchema.nullable(),
  worstFinding: worstFindingSchema,
});
export type HostListRow = z.infer<typeof hostListRowSchema>;
export const hostListSchema = z.object({ hosts: z.array(hostListRowSchema) });
export type HostList = z.infer<typeof hostListSchema>;

export const hostDetailSchema = z.object({
  host: hostListRowSchema,
  facts: hostFactsSchema,
  findings: z.array(findingSchema),
  latestDlvRawId: textOrNull,
});
export type HostDetail = z.infer<typeof hostDetailSchema>;

const hostEventSchema = z.object({
  id: z.string(),
  eventId: int,
  recordId: z.string(),
  timeCreated: isoSchema,
  clientFqdn: textOrNull,
  clientId: textOrNull,
  cmid: textOrNull,
  minCount: intOrNull,
  hresult: textOrNull,
  hresultMeaning: textOrNull,
  licenseStatus: textOrNull,
  isVm: z.boolean().nullable(),
  activationId: textOrNull,
  domain: textOrNull,
});
/** The latest 12290 requests and the 12293 DNS publishing failures. */
export const hostEventsSchema = z.object({ requests: z.array(hostEventSchema), dnsFailures: z.array(hostEventSchema) });
export type HostEvents = z.infer<typeof hostEventsSchema>;

export const hostClientsSchema = z.object({
  total: int,
  clients: z.array(
    z.object({
      clientFqdn: z.string(),
      clientId: textOrNull,
      cmid: textOrNull,
      activationId: textOrNull,
      edition: textOrNull,
      minCount: intOrNull,
      licenseStatus: textOrNull,
      isVm: z.boolean().nullable(),
      hresult: textOrNull,
      hresultMeaning: textOrNull,
      lastRequestAt: isoSchema,
      requests: int,
    }),
  ),
  groups: z.array(z.object({ activationId: textOrNull, edition: textOrNull, minCount: intOrNull, clients: int, vms: int, failing: int })),
});
export type HostClients = z.infer<typeof hostClientsSchema>;

export const hostCountTrendSchema = z.object({
  unit: bucketUnitSchema,
  range: rangeSchema,
  reported: z.array(z.object({ bucket: isoSchema, count: intOrNull })),
  requests: z.array(z.object({ bucket: isoSchema, totalRequests: intOrNull, failedRequests: intOrNull })),
  reconstructed: z.array(z.object({ at: isoSchema, count: int })),
  forecast: z.array(z.object({ at: isoSchema, count: z.number() })),
  crossesBelow: z.object({ threshold: int, at: isoSchema }).nullable(),
  serverOnly: z.boolean(),
  thresholds: z.object({ clientOs: int, serverOs: int, cap: int }),
  /** The forecast in one sentence, true whether the count is below, falling, steady or unknown. */
  outlook: z.object({
    state: z.enum(["no-data", "below", "falling", "steady"]),
    text: z.string(),
    /** The same sentence as a catalogue message, for the reader's language. */
    message: messageRefSchema,
    reachesThresholdAt: isoSchema.nullable(),
  }),
});
export type HostCountTrend = z.infer<typeof hostCountTrendSchema>;
