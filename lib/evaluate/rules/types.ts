// Inputs (facts the query layer builds from Postgres) and output (findings) of the diagnosis rules.
// Facts are plain, already-aggregated values so the rules stay pure and testable without a database.
// Every "unknown" is null, never 0/false: a rule must not fire on data it does not have.
import { z } from "zod";
import { describeHresult, formatHresult, hresultMessage } from "../../kms/hresults";
import { licenseStatusSchema } from "../../kms/parsed";
import { DAY_MS } from "@/lib/core/time";
import { type MessageRef, type MessageValue, msg } from "@/lib/core/i18n/messageRef";
import { english } from "@/lib/core/i18n/translate";
export { msg, type MessageRef, type MessageValue } from "@/lib/core/i18n/messageRef";
export { DAY_MS, MINUTE_MS } from "@/lib/core/time";

import { isoSchema } from "../../kms/finding";
export {
  evidenceValueSchema,
  findingSchema,
  severitySchema,
  severityValues,
  subjectKindSchema,
  type EvidenceValue,
  type Finding,
  type Severity,
  type SubjectKind,
} from "../../kms/finding";
import type { EvidenceValue, Finding, FindingMessages, Severity, SubjectKind } from "../../kms/finding";

export const hostFactsSchema = z.object({
  machineId: z.string(),
  fqdn: z.string(),
  /** From the host's latest /dlv or CIM snapshot. */
  licenseStatus: licenseStatusSchema.nullable(),
  notificationReason: z.string().nullable(),
  currentCount: z.number().int().nullable(),
  /** As reported; 0 (CIM "unset") is read as the default 1688. */
  listeningPort: z.number().int().nullable(),
  dnsPublishing: z.boolean().nullable(),
  /** Cumulative counters from /dlv; they only reset when the host is reinstalled. */
  totalRequests: z.number().int().nullable(),
  failedRequests: z.number().int().nullable(),
  /** The same counters from the snapshot closest to 7 days before the latest one. */
  failedRequests7dAgo: z.number().int().nullable(),
  totalRequests7dAgo: z.number().int().nullable(),
  lastCheckInAt: isoSchema.nullable(),
  /** Latest 12290 (a client request processed by this host). */
  lastRequestAt: isoSchema.nullable(),
  /** Distinct client FQDNs in 12290 events of the last 30 days. */
  distinctClients30d: z.number().int().nonnegative(),
  /** Distinct countable CMIDs (lib/evaluate/facts/countableRequests.ts) in 12290 events of the last 30 days, uncapped. */
  distinctCmids30d: z.number().int().nonnegative(),
  /** The count rebuilt from the host's 12290 events (the chart's and the Prometheus gauge's one definition); null = unknown. */
  reconstructedCount: z.number().int().nonnegative().nullable().default(null),
  /** Every 12290 in the last 30 days had MinCount 5 (servers only). Must be false when there was no 12290. */
  serverOnly: z.boolean(),
  /** 12290 events of the last 30 days with hresult 0xC004F038. */
  refusedInsufficientCount30d: z.number().int().nonnegative(),
  /** 12293 events (DNS publishing failed) of the last 30 days, any order. */
  dnsPublishFailures: z.array(z.object({ at: isoSchema, hresult: z.string().nullable(), domain: z.string().nullable() })),
  /** 12290 events of the last 7 days that failed, grouped by hresult (most frequent first): the failures' real causes. */
  failedRequestsByHresult7d: z.array(z.object({ hresult: z.string(), count: z.number().int().positive() })).default([]),
  /** Clients whose latest request (12288) to this host in the last 24 h got no answer (12289). */
  unreachableClients24h: z.number().int().nonnegative().default(0),
  /** How far ahead of the server's clock the host's last check-in said it was (ms); null when within tolerance. */
  clockAheadMs: z.number().nullable().default(null),
  /** From lib/kms/countModel: when the count is expected to fall below `threshold`; null = not expected to. */
  forecast: z.object({ crossesBelowAt: isoSchema.nullable(), threshold: z.number().int() }).nullable(),
});
export type HostFacts = z.infer<typeof hostFactsSchema>;

/** One side of a client's exchange with its KMS host (a 12288 request or a 12289 response): when, and the code it carried. */
const kmsExchangeSchema = z.object({ at: isoSchema, hresult: z.string().nullable() });

export const clientFactsSchema = z.object({
  machineId: z.string(),
  fqdn: z.string(),
  /** Word before " channel" in Description: VOLUME_KMSCLIENT, VOLUME_MAK, RETAIL, OEM_DM... */
  channel: z.string().nullable(),
  /** Volume:GVLK | Volume:CSVLK | Volume:MAK | Retail | OEM:DM ... */
  productKeyChannel: z.string().nullable(),
  licenseStatus: licenseStatusSchema.nullable(),
  /**
   * The admin's "intended channel" entry that covers this machine's key (e.g. "MAK intended for machines LT-*"),
   * from lib/kms/intendedChannels.ts; null when its channel is not marked as intended (or unknown).
   */
  intendedChannel: z.string().nullable().default(null),
  /** Minutes left in the current grace state (or before volume activation expires when Licensed). */
  graceRemainingMin: z.number().int().nullable(),
  /** When the current (180-day) volume activation expires. */
  expiresAt: isoSchema.nullable(),
  notificationReason: z.string().nullable(),
  /** Registered (/skms) or DNS-discovered KMS host and port. */
  kmsHost: z.string().nullable(),
  kmsPort: z.number().int().nullable(),
  /** Whether kmsHost is one of our known KMS hosts; null when there is no kmsHost or no list. */
  kmsHostApproved: z.boolean().nullable(),
  cmid: z.string().nullable(),
  /** Machines (this one included) that reported this CMID; 2+ means clones of one image. null when unknown. */
  cmidMachines: z.number().int().nullable().default(null),
  /** How far ahead of the server's clock the client's last check-in said it was (ms); null when within tolerance. */
  clockAheadMs: z.number().nullable().default(null),
  lastCheckInAt: isoSchema.nullable(),
  /** Latest 12289 with activated=true. */
  lastRenewalAt: isoSchema.nullable(),
  /** Latest 12288; answered = a 12289 followed within 10 minutes. */
  lastRequest: kmsExchangeSchema
    .extend({ kmsHost: z.string().nullable(), kmsPort: z.number().int().nullable(), answered: z.boolean() })
    .nullable(),
  /** Latest 12289; minCount comes from the 12288 it answers. */
  lastResponse: kmsExchangeSchema
    .extend({
      activated: z.boolean().nullable(),
      hostCurrentCount: z.number().int().nullable(),
      minCount: z.number().int().nullable(),
    })
    .nullable(),
  /**
   * The KMS host ePID this client holds from kmsHost, and how many clients that name activated (rogue-host
   * forensics, issue #21); unset when not read.
   */
  kmsHostEpid: z
    .object({ epid: z.string(), receivedAt: isoSchema, hostActivatedClients: z.number().int().nonnegative().nullable() })
    .nullable()
    .optional(),
  /** Agent-side reachability probe of the KMS host, when the agent ran one. */
  probe: z
    .object({
      /** Whether the _vlmcs._tcp SRV lookup in the client's domain returned a record. */
      dnsSrvFound: z.boolean().nullable(),
      /** Whether a TCP connection to the KMS host:port succeeded. */
      tcpReachable: z.boolean().nullable(),
      /** The host:port the probe tried. */
      target: z.string().nullable(),
    })
    .nullable(),
});
export type ClientFacts = z.infer<typeof clientFactsSchema>;

/** Catalogue entry: `severity` is what the rule normally fires at, `maxSeverity` what it can escalate to. */
export type RuleMeta = {
  id: string;
  severity: Severity;
  maxSeverity: Severity;
  /** English, rendered from the catalogue (findings.rules.<id>.title); pages render it in the reader's language. */
  title: string;
  subjectKind: SubjectKind;
};

/** What a rule decides; index.ts adds ruleId, title and subject so rules cannot get them wrong. */
export type RuleHit = {
  severity?: Severity;
  /** Catalogue messages (findings.rules.<id>.cause/fix), rendered in English for the finding and per reader on pages. */
  cause: MessageRef;
  fix: MessageRef;
  evidence: Record<string, EvidenceValue>;
  /** Omitted when the facts do not say when the condition started. */
  since?: string | null;
};

/** This rule's message `part` (cause, fix or a sentence part): findings.rules.<id>.<part>. */
export type RuleMessage = (part: string, values?: Record<string, MessageValue>) => MessageRef;
export const ruleMessage =
  (id: string): RuleMessage =>
  (part, values) =>
    msg(`findings.rules.${id}.${part}`, values);

export type Rule<F> = RuleMeta & { evaluate: (facts: F, now: Date) => RuleHit | null };

type RuleSpec<F> = Pick<RuleMeta, "id" | "severity"> & {
  maxSeverity?: Severity;
  evaluate: (facts: F, now: Date, m: RuleMessage) => RuleHit | null;
};
/** maxSeverity defaults to severity: only escalating rules have to say more. The title comes from the catalogue. */
export const defineRule =
  <F>(subjectKind: SubjectKind) =>
  (spec: RuleSpec<F>): Rule<F> => {
    const m = ruleMessage(spec.id);
    return {
      id: spec.id,
      severity: spec.severity,
      maxSeverity: spec.maxSeverity ?? spec.severity,
      title: english(m("title")),
      subjectKind,
      evaluate: (facts, now) => spec.evaluate(facts, now, m),
    };
  };

/** A finding's title, cause and fix: the English text and the messages it was rendered from. */
export function findingTexts(messages: FindingMessages): Pick<Finding, "title" | "cause" | "fix" | "messages"> {
  return { title: english(messages.title), cause: english(messages.cause), fix: english(messages.fix), messages };
}

/** Sentence parts joined with ", " (or "; ", " "), each in the reader's language: findings.parts.join. */
export function joinMessages(parts: readonly MessageValue[], separator: "comma" | "semicolon" | "space" = "comma"): MessageValue {
  const [first, ...rest] = parts;
  if (first === undefined) return "";
  return rest.length === 0 ? first : msg(`findings.parts.join.${separator}`, { a: first, b: joinMessages(rest, separator) });
}

// ---- small helpers shared by the rule files ----

/** The activation thresholds are the count model's (lib/kms/countModel.ts), named as the rules read them. */
export { CLIENT_OS_THRESHOLD as CLIENT_THRESHOLD, SERVER_OS_THRESHOLD as SERVER_THRESHOLD } from "@/lib/kms/countModel";
export const DEFAULT_PORT = 1688;
/** Activated KMS clients renew every 7 days (RenewalInterval 10080 min). */
export const RENEWAL_INTERVAL_MS = 7 * DAY_MS;

/** Milliseconds since epoch, or null for a missing or unparsable timestamp (so rules treat it as unknown). */
export function toMs(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Days as a number with one decimal, for evidence and texts. */
export function days(ms: number): number {
  return Math.round((ms / DAY_MS) * 10) / 10;
}

/** "0x800706BA (RPC server unavailable)"; the raw text when it is not an HRESULT. */
export function hresultLabel(value: string | null): string | null {
  if (value === null) return null;
  const info = describeHresult(value);
  if (info) return `${info.code} (${info.meaning})`;
  return formatHresult(value) ?? value;
}

/** hresultLabel for a sentence: "0x800706BA (RPC server unavailable)" in the reader's language. */
export function hresultText(value: string | null): MessageValue {
  if (value === null) return null;
  const info = describeHresult(value);
  if (info) return msg("findings.parts.hresultLabel", { code: info.code, meaning: hresultMessage(info.code, "meaning") });
  return formatHresult(value) ?? value;
}

/** The known fix for an HRESULT, as an extra sentence (" For 0x…: …"); "" when unknown or success. */
export function hresultFix(value: string | null): MessageValue {
  const info = describeHresult(value);
  return info && info.code !== "0x00000000"
    ? msg("findings.parts.hresultFix", { code: info.code, fix: hresultMessage(info.code, "fix") })
    : "";
}

export function sameHresult(value: string | null, code: string): boolean {
  return formatHresult(value) === code;
}
