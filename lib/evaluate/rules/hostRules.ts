// KMS host rules. Causes and fixes follow the Microsoft KMS troubleshooting guide (host section):
// license status, current count, duplicate CMIDs, failed requests, 12290 and 12293 events, port.
import { CLIENT_THRESHOLD, DAY_MS, DEFAULT_PORT, RENEWAL_INTERVAL_MS, SERVER_THRESHOLD, type HostFacts } from "./types";
import { days, defineRule, hresultFix, hresultLabel, sameHresult, toMs } from "./types";
import { describeHresult } from "../../kms/hresults";

const FORECAST_HORIZON_MS = 14 * DAY_MS;
/** Share of last week's new requests that may fail before we call it a trend rather than noise. */
const FAILED_RATE_LIMIT = 0.05;

const hostRule = defineRule<HostFacts>("host");

export const hostNotLicensed = hostRule({
  id: "host-not-licensed",
  severity: "critical",
  title: "KMS host is not activated",
  evaluate: (f) => {
    if (f.licenseStatus === null || f.licenseStatus === "Licensed") return null;
    const reason = f.notificationReason ? `; reason: ${hresultLabel(f.notificationReason)}` : "";
    return {
      cause:
        `The KMS host's own license status is ${f.licenseStatus}, not Licensed${reason}. A host whose ` +
        "KMS host key (CSVLK) is not activated refuses clients with 0xC004F041 (KMS host not activated).",
      fix:
        "On the host, activate the KMS host key online with `slmgr.vbs /ato`, or by phone (`slui 4`) without " +
        "Internet access; `slmgr.vbs /dlv` must then show License Status: Licensed.",
      evidence: { licenseStatus: f.licenseStatus, notificationReason: f.notificationReason },
    };
  },
});

export const hostCountBelowThreshold = hostRule({
  id: "host-count-below-threshold",
  severity: "critical",
  title: "KMS current count below the activation threshold",
  evaluate: (f) => {
    if (f.currentCount === null) return null;
    // serverOnly is vacuously true on an empty set; with no request at all the client threshold is the safe one.
    const serverOnly = f.serverOnly && f.distinctClients30d > 0;
    const threshold = serverOnly ? SERVER_THRESHOLD : CLIENT_THRESHOLD;
    if (f.currentCount >= threshold) return null;
    const refused = f.refusedInsufficientCount30d;
    return {
      cause:
        `Current count is ${f.currentCount}, below the ${threshold} needed ` +
        (serverOnly ? "(only Windows Server clients seen, they need 5). " : "(Windows clients need 25, servers 5). ") +
        "Clients get 0xC004F038 (count insufficient)" +
        (refused > 0 ? `: ${refused} refused request(s) in 30 days. ` : ". ") +
        "The count is the number of distinct CMIDs that asked in the last 30 days; it stays low when too few " +
        "clients reach this host, when clones share a CMID, or when clients are spread over several KMS hosts.",
      fix:
        "More distinct clients must request activation from this host within 30 days (`slmgr.vbs /ato` on them). " +
        "Check for duplicate CMIDs (images not `sysprep /generalize`d) and remove extra KMS hosts.",
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
  title: "KMS count stuck: clients share duplicate CMIDs",
  evaluate: (f) => {
    if (f.currentCount === null || f.currentCount >= CLIENT_THRESHOLD) return null;
    // The larger unique-CMID measure, so CMIDs lost by the parser cannot fake duplicates.
    const uniqueIds = Math.max(f.distinctCmids30d, f.currentCount);
    // Zero means the host counts nobody (e.g. every request fails), which is not a duplicate problem.
    if (uniqueIds < 1) return null;
    const clients = f.distinctClients30d;
    if (clients < 2 * uniqueIds || clients - uniqueIds < 5) return null;
    return {
      cause:
        `${clients} distinct machines asked this host in 30 days, but only ${f.distinctCmids30d} ` +
        `distinct CMID(s) were seen and the count is ${f.currentCount}. Clones of an image that was not prepared ` +
        "with `sysprep /generalize` share one CMID, so the host counts them once.",
      fix:
        "On each clone run `slmgr.vbs /rearm` (or `sysprep /generalize`) and reboot, then `slmgr.vbs /ato`. " +
        "Generalize the golden image before capture so new deployments get unique CMIDs.",
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
  title: "Failed KMS requests are rising",
  evaluate: (f) => {
    const { failedRequests: failed, failedRequests7dAgo: failedBefore } = f;
    const { totalRequests: total, totalRequests7dAgo: totalBefore } = f;
    if (failed === null || failedBefore === null || total === null || totalBefore === null) return null;
    // Counters only go down when the host is reinstalled: no trend to read across a reset.
    if (total < totalBefore) return null;
    const newFailed = failed - failedBefore;
    const newTotal = Math.max(total - totalBefore, newFailed);
    if (newFailed <= 0 || newFailed <= FAILED_RATE_LIMIT * newTotal) return null;
    const rate = Math.round((newFailed / newTotal) * 1000) / 10;
    const { seen, dominant } = failureBreakdown(f.failedRequestsByHresult7d);
    return {
      cause:
        `${newFailed} of ${newTotal} requests of the last 7 days failed (${rate}%). ` +
        (dominant === null
          ? "The host's 12290 events of the last 7 days carry no failure code, so the cause cannot be read from them."
          : `Codes in the host's 12290 events of the last 7 days: ${seen}.`),
      fix:
        dominant === null
          ? "Read the Key Management Service log on the host (12290 events, their hresult) and the failing clients' 12288/12289 events."
          : `For the most frequent, ${hresultLabel(dominant)}: ${failureFix(dominant)}`,
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
export function failureBreakdown(byHresult: HostFacts["failedRequestsByHresult7d"]): { seen: string; dominant: string | null } {
  const total = byHresult.reduce((n, h) => n + h.count, 0);
  const sorted = [...byHresult].sort((a, b) => b.count - a.count || a.hresult.localeCompare(b.hresult));
  const seen = sorted.map((h) => `${hresultLabel(h.hresult)} ${Math.round((h.count / total) * 100)}% (${h.count})`).join(", ");
  return { seen, dominant: sorted[0]?.hresult ?? null };
}

/** What to do about a host's failing requests, by the code the host logged. */
function failureFix(hresult: string): string {
  if (sameHresult(hresult, "0xC004F038"))
    return (
      "the count is too low for these clients (see this host's count findings): more distinct clients within 30 days, " +
      "no duplicate CMIDs (`sysprep /generalize` the images), no clients spread over extra KMS hosts."
    );
  if (sameHresult(hresult, "0xC004F041"))
    return "this host is not activated itself: `slmgr.vbs /ato` on it (or by phone, `slui 4`); clients retry within 2 hours.";
  if (sameHresult(hresult, "0xC004F042"))
    return (
      "the host key (CSVLK) does not cover these clients' OS or product: compare its Description (`slmgr.vbs /dlv`) with " +
      "the client versions, then install a CSVLK covering them: `slmgr.vbs /ipk <CSVLK>` and `slmgr.vbs /ato`."
    );
  if (sameHresult(hresult, "0xC004F06C"))
    return "client clocks differ from this host's by more than 4 hours: fix time synchronization (NTP/AD) on the clients.";
  return describeHresult(hresult)?.fix ?? "look this code up in the Microsoft activation error reference.";
}

export const hostDnsPublishFailed = hostRule({
  id: "host-dns-publish-failed",
  severity: "warning",
  title: "KMS host could not publish its DNS SRV record",
  evaluate: (f) => {
    // Unparsable timestamps are dropped rather than guessed; order is not guaranteed by the query.
    const failures = f.dnsPublishFailures.flatMap((e) => (toMs(e.at) === null ? [] : [e]));
    failures.sort((a, b) => (toMs(a.at) ?? 0) - (toMs(b.at) ?? 0));
    if (failures.length === 0) return null;
    const last = failures[failures.length - 1]!;
    const domains = [...new Set(failures.flatMap((e) => (e.domain === null ? [] : [e.domain])))].join(", ");
    return {
      cause:
        `${failures.length} event(s) 12293 in 30 days: the _vlmcs._tcp SRV record could not be published in ` +
        `${domains || "the host's domain"}` +
        (last.hresult ? `; last error: ${hresultLabel(last.hresult)}` : "") +
        ". Clients relying on DNS auto-discovery there cannot find the host (0xC004F074, 0x8007232B).",
      fix:
        "Give the host's computer account rights on the _vlmcs._tcp record in that zone (Full Control on an " +
        "existing _VLMCS record), or create the SRV record by hand (port 1688). Publishing on: `slmgr.vbs /sdns`." +
        hresultFix(last.hresult),
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

const IDLE_CAUSE =
  "Activated clients renew every 7 days, so a working host logs requests (12290) weekly. Without them, clients " +
  "cannot resolve or reach it: no _vlmcs._tcp SRV record, TCP port blocked (the KMS firewall exception is not " +
  "enabled by default), network outage, clients using another host, or the Key Management Service log is full.";
const IDLE_FIX =
  "Check `nslookup -type=srv _vlmcs._tcp.<domain>` names this host, enable the KMS firewall exception, check the " +
  "Key Management Service log is not full, then run `slmgr.vbs /ato` on a client and read its 12288/12289 events.";

export const hostIdle = hostRule({
  id: "host-idle",
  severity: "warning",
  title: "No client has contacted the KMS host recently",
  evaluate: (f, now) => {
    const checkIn = toMs(f.lastCheckInAt);
    const lastRequest = toMs(f.lastRequestAt);
    if (lastRequest === null) {
      const evidence = { lastRequestAt: null, lastCheckInAt: f.lastCheckInAt, idleDays: null };
      const cause = `No request (12290) was ever recorded although the host checks in. ${IDLE_CAUSE}`;
      return checkIn === null ? null : { cause, fix: IDLE_FIX, evidence };
    }
    // Measured up to the last check-in: a silent agent must not pass for an idle host.
    const asOf = Math.min(now.getTime(), checkIn ?? now.getTime());
    // Activated clients renew weekly, so a week without a 12290 means nobody reaches the host.
    if (asOf - lastRequest <= RENEWAL_INTERVAL_MS) return null;
    const idleDays = days(asOf - lastRequest);
    return {
      cause: `The last request (12290) came ${idleDays} days before the host's latest report. ${IDLE_CAUSE}`,
      fix: IDLE_FIX,
      evidence: { lastRequestAt: f.lastRequestAt, lastCheckInAt: f.lastCheckInAt, idleDays },
      since: f.lastRequestAt,
    };
  },
});

export const hostNonstandardPort = hostRule({
  id: "host-nonstandard-port",
  severity: "info",
  title: "KMS host listens on a non-default port",
  evaluate: (f) => {
    const port = f.listeningPort;
    // CIM reports 0 when the port was never changed; slmgr prints 1688 for it.
    if (port === null || port === 0 || port === DEFAULT_PORT) return null;
    return {
      cause:
        `The host listens on TCP ${port}, not 1688. Clients reach it only through an SRV record with that port ` +
        (f.dnsPublishing === false ? "(DNS publishing is off here) " : "") +
        "or an explicit host:port setting, and every firewall on the way must allow it.",
      fix:
        `Set clients with \`slmgr.vbs /skms <host>:${port}\` or keep an SRV record _vlmcs._tcp with port ` +
        `${port}, and open TCP ${port} on host and network firewalls; or go back with \`slmgr.vbs /sprt 1688\`.`,
      evidence: { listeningPort: port, dnsPublishing: f.dnsPublishing },
    };
  },
});

export const hostCountForecastDrop = hostRule({
  id: "host-count-forecast-drop",
  severity: "warning",
  title: "KMS count forecast to drop below the threshold",
  evaluate: (f, now) => {
    const at = toMs(f.forecast?.crossesBelowAt);
    if (f.forecast === null || at === null || at - now.getTime() > FORECAST_HORIZON_MS) return null;
    // Already below: host-count-below-threshold describes the present better than a forecast.
    if (f.currentCount !== null && f.currentCount < f.forecast.threshold) return null;
    const daysUntil = days(Math.max(0, at - now.getTime()));
    const { threshold, crossesBelowAt } = f.forecast;
    return {
      cause:
        `The count (distinct CMIDs of the last 30 days, now ${f.currentCount ?? "unknown"}) should fall below ` +
        `${threshold} around ${crossesBelowAt} (in ${daysUntil} days) as older requests age out. ` +
        "Below it, activations and renewals are refused with 0xC004F038.",
      fix:
        "Find why fewer clients reach this host: decommissioned machines, clients moved to another KMS host, " +
        "DNS or firewall changes, duplicate CMIDs. If the fleet really shrank, activate the rest with MAK.",
      evidence: { crossesBelowAt, threshold, currentCount: f.currentCount, daysUntil },
    };
  },
});
