// KMS client rules. Causes and fixes follow the Microsoft KMS troubleshooting guide (client section):
// license status, Description/channel (GVLK), events 12288/12289, renewal every 7 days, 180-day validity.
import { DAY_MS, MINUTE_MS, RENEWAL_INTERVAL_MS, type ClientFacts } from "./types";
import { days, defineRule, hresultFix, hresultLabel, hresultText, SERVER_THRESHOLD, sameHresult, toMs } from "./types";
import { lastFailureCode } from "./clientRefusals";

/** A 12289 normally follows its 12288 within seconds; the facts call "answered" a reply within 10 minutes. */
const ANSWER_WINDOW_MS = 10 * MINUTE_MS;
const GRACE_CRITICAL_MIN = 3 * 24 * 60;
const EXPIRY_WARNING_MS = 30 * DAY_MS,
  EXPIRY_CRITICAL_MS = 7 * DAY_MS;
/** A KMS host (VOLUME_KMS_xxx channel, CSVLK) activates with its own key; the host rules cover it. */
const HOST_KEY = /^(volume_kms(?!client)|volume:csvlk$)/i;
const GRACE_STATES = new Set(["InitialGrace", "AdditionalGrace", "NonGenuineGrace", "ExtendedGrace"]);

const clientRule = defineRule<ClientFacts>("client");

/** true/false when the installed key is known to be / not be a KMS client key (GVLK); null when unknown. */
export function hasGvlk(f: Pick<ClientFacts, "channel" | "productKeyChannel">): boolean | null {
  const verdicts: boolean[] = [];
  if (f.channel !== null) verdicts.push(f.channel.trim().toUpperCase() === "VOLUME_KMSCLIENT");
  if (f.productKeyChannel !== null) verdicts.push(f.productKeyChannel.trim().toLowerCase() === "volume:gvlk");
  // Either source saying "not a GVLK" wins: Description and Product Key Channel disagree only on odd setups.
  return verdicts.length === 0 ? null : verdicts.every(Boolean);
}

export const clientHostUnreachable = clientRule({
  id: "client-host-unreachable",
  severity: "critical",
  evaluate: (f, now, m) => {
    const req = f.lastRequest;
    const reqAt = toMs(req?.at);
    // A request younger than the answer window may just not have its 12289 pushed yet.
    if (req === null || reqAt === null || req.answered || now.getTime() - reqAt < ANSWER_WINDOW_MS) return null;
    if ((toMs(f.lastResponse?.at) ?? -Infinity) >= reqAt) return null;
    const host = req.kmsHost ?? f.kmsHost;
    const port = req.kmsPort ?? f.kmsPort ?? 1688;
    const target = f.probe?.target ?? (host ? `${host}:${port}` : m("theHost"));
    const noSrv = f.probe?.dnsSrvFound === false,
      tcp = f.probe?.tcpReachable ?? null;
    // Which probe result explains the silence: each case has its own why and fix.
    const [why, todo] =
      tcp === false
        ? [m("whyTcpClosed", { target, noSrv: noSrv ? "yes" : "no" }), m("fixTcpClosed", { port })]
        : noSrv
          ? [m("whyNoSrv"), m("fixNoSrv")]
          : tcp === true
            ? [m("whyTcpOpen", { target }), m("fixTcpOpen")]
            : [m("whyUnknown"), m("fixUnknown")];
    return {
      cause: m("cause", {
        at: req.at,
        host: host ?? m("theHost"),
        code: req.hresult ? m("requestCode", { code: hresultText(req.hresult) }) : "",
        why,
      }),
      fix: m("fix", { fix: todo, hresultFix: hresultFix(req.hresult) }),
      evidence: {
        requestAt: req.at,
        hresult: hresultLabel(req.hresult),
        kmsHost: host,
        kmsPort: port,
        probeDnsSrvFound: f.probe?.dnsSrvFound ?? null,
        probeTcpReachable: tcp,
        probeTarget: f.probe?.target ?? null,
      },
      since: req.at,
    };
  },
});

export const clientInGrace = clientRule({
  id: "client-in-grace",
  severity: "warning",
  maxSeverity: "critical",
  evaluate: (f, _now, m) => {
    // A machine whose MAK/retail key is intended has its own finding (intendedChannel.ts), without GVLK advice.
    if (f.licenseStatus === null || !GRACE_STATES.has(f.licenseStatus) || f.intendedChannel !== null) return null;
    const left = f.graceRemainingMin;
    const leftDays = left === null ? null : days(left * MINUTE_MS);
    return {
      severity: left !== null && left < GRACE_CRITICAL_MIN ? "critical" : "warning",
      cause: m("cause", { status: f.licenseStatus, left: leftDays === null ? m("daysUnknown") : m("daysLeft", { days: leftDays }) }),
      fix: m("fix"),
      evidence: { licenseStatus: f.licenseStatus, graceRemainingMin: left, graceRemainingDays: leftDays },
    };
  },
});

export const clientNotification = clientRule({
  id: "client-notification",
  severity: "critical",
  evaluate: (f, _now, m) => {
    if (f.licenseStatus !== "Notification" || f.intendedChannel !== null) return null;
    const reason = f.notificationReason ? m("reason", { code: hresultText(f.notificationReason) }) : "";
    return {
      cause: m("cause", { reason }),
      fix: m("fix", { hresultFix: hresultFix(f.notificationReason) }),
      evidence: { licenseStatus: f.licenseStatus, notificationReason: hresultLabel(f.notificationReason) },
    };
  },
});

export const clientNotGvlk = clientRule({
  id: "client-not-gvlk",
  severity: "info",
  maxSeverity: "warning",
  evaluate: (f, _now, m) => {
    // An admin marked this machine's channel as intended (MAK by intent): say nothing about the key.
    if (hasGvlk(f) !== false || f.intendedChannel !== null) return null;
    if (HOST_KEY.test(f.channel ?? "") || HOST_KEY.test(f.productKeyChannel ?? "")) return null;
    // With a KMS trace (a configured/discovered host, a request on record) the wrong key is a mistake; without
    // one the machine may be activated by MAK/retail on purpose, so it is only reported as information.
    const kmsRequestAt = f.lastRequest?.at ?? f.lastResponse?.at ?? null;
    const meantForKms = f.kmsHost !== null || kmsRequestAt !== null;
    return {
      severity: meantForKms ? "warning" : "info",
      cause: m("cause", { key: f.productKeyChannel ?? f.channel, meantForKms: meantForKms ? "yes" : "no" }),
      fix: m("fix"),
      evidence: { channel: f.channel, productKeyChannel: f.productKeyChannel, kmsHost: f.kmsHost, kmsRequestAt },
    };
  },
});

export const clientRenewalOverdue = clientRule({
  id: "client-renewal-overdue",
  severity: "warning",
  evaluate: (f, now, m) => {
    const renewed = toMs(f.lastRenewalAt);
    if (f.licenseStatus !== "Licensed" || hasGvlk(f) === false || renewed === null) return null;
    // Measured up to the last check-in (an offline laptop is no KMS problem), with one day of margin.
    const asOf = Math.min(now.getTime(), toMs(f.lastCheckInAt) ?? now.getTime());
    const daysSinceRenewal = days(asOf - renewed);
    if (asOf - renewed <= RENEWAL_INTERVAL_MS + DAY_MS) return null;
    return {
      cause: m("cause", { days: daysSinceRenewal }),
      fix: m("fix"),
      evidence: { lastRenewalAt: f.lastRenewalAt, lastCheckInAt: f.lastCheckInAt, daysSinceRenewal },
      since: new Date(renewed + RENEWAL_INTERVAL_MS).toISOString(),
    };
  },
});

export const clientExpiringSoon = clientRule({
  id: "client-expiring-soon",
  severity: "warning",
  maxSeverity: "critical",
  evaluate: (f, now, m) => {
    const expires = toMs(f.expiresAt);
    // Grace/Notification clients have their own rules; their expiry is the end of grace, not of activation.
    if (expires === null || (f.licenseStatus !== null && f.licenseStatus !== "Licensed")) return null;
    const left = expires - now.getTime();
    if (left > EXPIRY_WARNING_MS) return null;
    return {
      severity: left <= EXPIRY_CRITICAL_MS ? "critical" : "warning",
      cause: m("cause", { at: f.expiresAt, days: days(Math.max(0, left)) }),
      fix: m("fix"),
      evidence: { expiresAt: f.expiresAt, daysLeft: days(left), lastRenewalAt: f.lastRenewalAt },
      since: new Date(expires - EXPIRY_WARNING_MS).toISOString(),
    };
  },
});

export const clientUnapprovedHost = clientRule({
  id: "client-unapproved-host",
  severity: "critical",
  evaluate: (f, _now, m) => {
    if (f.kmsHostApproved !== false) return null;
    return {
      cause: m("cause", { host: f.kmsHost ?? m("unknownHost") }),
      fix: m("fix"),
      evidence: {
        kmsHost: f.kmsHost,
        kmsPort: f.kmsPort,
        lastRequestHost: f.lastRequest?.kmsHost ?? null,
        // Rogue-host forensics (#21): the ePID this client got from that host, and how many clients it activated.
        receivedEpid: f.kmsHostEpid?.epid ?? null,
        hostActivatedClients: f.kmsHostEpid?.hostActivatedClients ?? null,
      },
    };
  },
});

export const clientRefusedLowCount = clientRule({
  id: "client-refused-low-count",
  severity: "critical",
  evaluate: (f, _now, m) => {
    const r = f.lastResponse;
    if (r === null || r.activated !== false) return null;
    const { hostCurrentCount: count, minCount } = r;
    // Another failure code (0xC004F041 host not activated, 0xC004F042 key...) is its own cause, not the count.
    const failure = lastFailureCode(f);
    if (failure !== null && !sameHresult(failure, "0xC004F038")) return null;
    // Without the request's minimum (a 12289 read alone), a count below 5 is below every client's threshold.
    const countLow = count !== null && (minCount !== null ? count < minCount : count < SERVER_THRESHOLD);
    if (!countLow && !sameHresult(r.hresult, "0xC004F038")) return null;
    const cloned = f.cmidMachines !== null && f.cmidMachines >= 2;
    return {
      cause: m("cause", {
        at: r.at,
        count: count ?? "?",
        minCount: minCount ?? m("minimum"),
        cloned: cloned ? m("cloned", { machines: f.cmidMachines }) : "",
      }),
      fix: cloned ? m("fixCloned") : m("fix"),
      evidence: { responseAt: r.at, hresult: hresultLabel(r.hresult), hostCurrentCount: count, minCount },
      since: r.at,
    };
  },
});
