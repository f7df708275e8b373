// KMS host rules. Causes and fixes follow the Microsoft KMS troubleshooting guide (host section):
// license status, current count, duplicate CMIDs, failed requests, 12290 and 12293 events, port.
import { CLIENT_THRESHOLD, DAY_MS, DEFAULT_PORT, RENEWAL_INTERVAL_MS, SERVER_THRESHOLD, type HostFacts } from "./types";
import {
  days,
  defineRule,
  hresultFix,
  hresultLabel,
  hresultText,
  joinMessages,
  type MessageRef,
  type MessageValue,
  msg,
  sameHresult,
  toMs,
} from "./types";
import { describeHresult, hresultMessage } from "../../kms/hresults";

const FORECAST_HORIZON_MS = 14 * DAY_MS;
/** Share of last week's new requests that may fail before we call it a trend rather than noise. */
const FAILED_RATE_LIMIT = 0.05;

const hostRule = defineRule<HostFacts>("host");

export const hostNotLicensed = hostRule({
  id: "host-not-licensed",
  severity: "critical",
  evaluate: (f, _now, m) => {
    if (f.licenseStatus === null || f.licenseStatus === "Licensed") return null;
    const reason = f.notificationReason ? m("reason", { code: hresultText(f.notificationReason) }) : "";
    return {
      cause: m("cause", { status: f.licenseStatus, reason }),
      fix: m("fix"),
      evidence: { licenseStatus: f.licenseStatus, notificationReason: f.notificationReason },
    };
  },
});

export const hostCountBelowThreshold = hostRule({
  id: "host-count-below-threshold",
  severity: "critical",
  evaluate: (f, _now, m) => {
    if (f.currentCount === null) return null;
    // serverOnly is vacuously true on an empty set; with no request at all the client threshold is the safe one.
    const serverOnly = f.serverOnly && f.distinctClients30d > 0;
    const threshold = serverOnly ? SERVER_THRESHOLD : CLIENT_THRESHOLD;
    if (f.currentCount >= threshold) return null;
    const refused = f.refusedInsufficientCount30d;
    return {
      cause: m("cause", { count: f.currentCount, threshold, serverOnly: serverOnly ? "yes" : "no", refused }),
      fix: m("fix"),
      evidence: {
        currentCount: f.currentCount,
        threshold,
        serverOnly,
        refusedInsufficientCount30d: refused,
        distinctClients30d: f.distinctClients30d,
        distinctCmids30d: f.distinctCmids30d,
      },
    };
  },
});

export const hostCountStuckDuplicateCmids = hostRule({
  id: "host-count-stuck-duplicate-cmids",
  severity: "critical",
  evaluate: (f, _now, m) => {
    if (f.currentCount === null || f.currentCount >= CLIENT_THRESHOLD) return null;
    // The larger unique-CMID measure, so CMIDs lost by the parser cannot fake duplicates.
    const uniqueIds = Math.max(f.distinctCmids30d, f.currentCount);
    // Zero means the host counts nobody (e.g. every request fails), which is not a duplicate problem.
    if (uniqueIds < 1) return null;
    const clients = f.distinctClients30d;
    if (clients < 2 * uniqueIds || clients - uniqueIds < 5) return null;
    return {
      cause: m("cause", { clients, cmids: f.distinctCmids30d, count: f.currentCount }),
      fix: m("fix"),
      evidence: {
        currentCount: f.currentCount,
        distinctClients30d: clients,
        distinctCmids30d: f.distinctCmids30d,
        machinesPerCmid: Math.round((clients / uniqueIds) * 10) / 10,
      },
    };
  },
});

export const hostFailedRequestsRising = hostRule({
  id: "host-failed-requests-rising",
  severity: "warning",
  evaluate: (f, _now, m) => {
    const { failedRequests: failed, failedRequests7dAgo: failedBefore } = f;
    const { totalRequests: total, totalRequests7dAgo: totalBefore } = f;
    if (failed === null || failedBefore === null || total === null || totalBefore === null) return null;
    // Counters only go down when the host is reinstalled: no trend to read across a reset.
    if (total < totalBefore) return null;
    const newFailed = failed - failedBefore;
    const newTotal = Math.max(total - totalBefore, newFailed);
    if (newFailed <= 0 || newFailed <= FAILED_RATE_LIMIT * newTotal) return null;
    const rate = Math.round((newFailed / newTotal) * 1000) / 10;
    const { seen, seenText, dominant } = failureBreakdown(f.failedRequestsByHresult7d);
    return {
      cause: m("cause", {
        failed: newFailed,
        total: newTotal,
        rate,
        codes: dominant === null ? m("noCodes") : m("codes", { seen: seenText }),
      }),
      fix: dominant === null ? m("fixNoCode") : m("fixDominant", { code: hresultText(dominant), fix: failureFix(dominant) }),
      evidence: {
        failedRequests: failed,
        failedRequests7dAgo: failedBefore,
        newFailed,
        newTotal,
        failedPercent: rate,
        dominantHresult: dominant,
        hresultsSeen: seen || null,
      },
    };
  },
});

/** "0xC004F038 (KMS count insufficient …) 80%, 0xC004F041 (…) 20%" and the most frequent code, from 12290 failures. */
export function failureBreakdown(byHresult: HostFacts["failedRequestsByHresult7d"]): {
  /** In English, for the evidence. */
  seen: string;
  /** The same list in the reader's language, for the cause. */
  seenText: MessageValue;
  dominant: string | null;
} {
  const total = byHresult.reduce((n, h) => n + h.count, 0);
  const sorted = [...byHresult].sort((a, b) => b.count - a.count || a.hresult.localeCompare(b.hresult));
  const seen = sorted.map((h) => `${hresultLabel(h.hresult)} ${Math.round((h.count / total) * 100)}% (${h.count})`).join(", ");
  const seenText = joinMessages(
    sorted.map((h) =>
      msg("findings.parts.hresultShare", { label: hresultText(h.hresult), percent: Math.round((h.count / total) * 100), count: h.count }),
    ),
  );
  return { seen, seenText, dominant: sorted[0]?.hresult ?? null };
}

/** What to do about a host's failing requests, by the code the host logged. */
function failureFix(hresult: string): MessageRef {
  const part = (name: string) => msg(`findings.rules.host-failed-requests-rising.${name}`);
  if (sameHresult(hresult, "0xC004F038")) return part("fix038");
  if (sameHresult(hresult, "0xC004F041")) return part("fix041");
  if (sameHresult(hresult, "0xC004F042")) return part("fix042");
  if (sameHresult(hresult, "0xC004F06C")) return part("fix06C");
  const known = describeHresult(hresult);
  return known ? hresultMessage(known.code, "fix") : part("fixUnknown");
}

export const hostDnsPublishFailed = hostRule({
  id: "host-dns-publish-failed",
  severity: "warning",
  evaluate: (f, _now, m) => {
    // Unparsable timestamps are dropped rather than guessed; order is not guaranteed by the query.
    const failures = f.dnsPublishFailures.flatMap((e) => (toMs(e.at) === null ? [] : [e]));
    failures.sort((a, b) => (toMs(a.at) ?? 0) - (toMs(b.at) ?? 0));
    if (failures.length === 0) return null;
    const last = failures[failures.length - 1]!;
    const domains = [...new Set(failures.flatMap((e) => (e.domain === null ? [] : [e.domain])))].join(", ");
    return {
      cause: m("cause", {
        failures: failures.length,
        domains: domains || m("hostDomain"),
        lastError: last.hresult ? m("lastError", { code: hresultText(last.hresult) }) : "",
      }),
      fix: m("fix", { hresultFix: hresultFix(last.hresult) }),
      evidence: {
        failures30d: failures.length,
        lastFailureAt: last.at,
        lastHresult: hresultLabel(last.hresult),
        domains: domains || null,
        dnsPublishing: f.dnsPublishing,
      },
      since: failures[0]!.at,
    };
  },
});

export const hostIdle = hostRule({
  id: "host-idle",
  severity: "warning",
  evaluate: (f, now, m) => {
    const checkIn = toMs(f.lastCheckInAt);
    const lastRequest = toMs(f.lastRequestAt);
    if (lastRequest === null) {
      const evidence = { lastRequestAt: null, lastCheckInAt: f.lastCheckInAt, idleDays: null };
      return checkIn === null ? null : { cause: m("causeNever"), fix: m("fix"), evidence };
    }
    // Measured up to the last check-in: a silent agent must not pass for an idle host.
    const asOf = Math.min(now.getTime(), checkIn ?? now.getTime());
    // Activated clients renew weekly, so a week without a 12290 means nobody reaches the host.
    if (asOf - lastRequest <= RENEWAL_INTERVAL_MS) return null;
    const idleDays = days(asOf - lastRequest);
    return {
      cause: m("cause", { days: idleDays }),
      fix: m("fix"),
      evidence: { lastRequestAt: f.lastRequestAt, lastCheckInAt: f.lastCheckInAt, idleDays },
      since: f.lastRequestAt,
    };
  },
});

export const hostNonstandardPort = hostRule({
  id: "host-nonstandard-port",
  severity: "info",
  evaluate: (f, _now, m) => {
    const port = f.listeningPort;
    // CIM reports 0 when the port was never changed; slmgr prints 1688 for it.
    if (port === null || port === 0 || port === DEFAULT_PORT) return null;
    return {
      cause: m("cause", { port, publishingOff: f.dnsPublishing === false ? "yes" : "no" }),
      fix: m("fix", { port }),
      evidence: { listeningPort: port, dnsPublishing: f.dnsPublishing },
    };
  },
});

export const hostCountForecastDrop = hostRule({
  id: "host-count-forecast-drop",
  severity: "warning",
  evaluate: (f, now, m) => {
    const at = toMs(f.forecast?.crossesBelowAt);
    if (f.forecast === null || at === null || at - now.getTime() > FORECAST_HORIZON_MS) return null;
    // Already below: host-count-below-threshold describes the present better than a forecast.
    if (f.currentCount !== null && f.currentCount < f.forecast.threshold) return null;
    const daysUntil = days(Math.max(0, at - now.getTime()));
    const { threshold, crossesBelowAt } = f.forecast;
    return {
      cause: m("cause", { count: f.currentCount ?? m("unknown"), threshold, at: crossesBelowAt, days: daysUntil }),
      fix: m("fix"),
      evidence: { crossesBelowAt, threshold, currentCount: f.currentCount, daysUntil },
    };
  },
});
