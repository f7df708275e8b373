// KMS client rules. Causes and fixes follow the Microsoft KMS troubleshooting guide (client section):
// license status, Description/channel (GVLK), events 12288/12289, renewal every 7 days, 180-day validity.
import { DAY_MS, MINUTE_MS, RENEWAL_INTERVAL_MS, type ClientFacts } from "./types";
import { days, defineRule, hresultFix, hresultLabel, SERVER_THRESHOLD, sameHresult, toMs } from "./types";
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
  title: "Client cannot reach its KMS host",
  evaluate: (f, now) => {
    const req = f.lastRequest;
    const reqAt = toMs(req?.at);
    // A request younger than the answer window may just not have its 12289 pushed yet.
    if (req === null || reqAt === null || req.answered || now.getTime() - reqAt < ANSWER_WINDOW_MS) return null;
    if ((toMs(f.lastResponse?.at) ?? -Infinity) >= reqAt) return null;
    const host = req.kmsHost ?? f.kmsHost;
    const port = req.kmsPort ?? f.kmsPort ?? 1688;
    const target = f.probe?.target ?? (host ? `${host}:${port}` : "the KMS host");
    const noSrv = f.probe?.dnsSrvFound === false,
      tcp = f.probe?.tcpReachable ?? null;
    let cause: string, fix: string;
    if (tcp === false) {
      cause =
        `The agent's probe could not open TCP to ${target}: the host is down or the port is blocked` +
        (noSrv ? ", and DNS has no _vlmcs._tcp SRV record either." : ".");
      fix =
        `Check the KMS host is up and sppsvc runs; open TCP ${port} on every firewall, including the host's own ` +
        "KMS exception (not enabled by default). Remove stale SRV records that point to a dead host.";
    } else if (noSrv) {
      cause = "DNS has no _vlmcs._tcp SRV record for the client's domain, so auto-discovery finds no KMS host.";
      fix =
        "Enable DNS publishing on the host (`slmgr.vbs /sdns`) or create the SRV record by hand in the client's " +
        "DNS suffix domain, or point the client at the host with `slmgr.vbs /skms <host>:<port>`.";
    } else if (tcp === true) {
      cause =
        `The probe reaches ${target} now: the outage was transient, or the host did not answer RPC ` +
        "(KMS not enabled or sppsvc stopped, 0xC004F039).";
      fix = "Check sppsvc and `slmgr.vbs /dlv` on the host, then run `slmgr.vbs /ato` on the client.";
    } else {
      cause = "Network outage, host not resolvable or not registered in DNS, or TCP 1688 blocked by a firewall.";
      fix =
        "Check `nslookup -type=srv _vlmcs._tcp.<domain>`, that TCP 1688 is open up to the host (the host's " +
        "KMS firewall exception is not enabled by default), then `slmgr.vbs /ato` on the client.";
    }
    return {
      cause:
        `The last activation request (12288, ${req.at}) to ${host ?? "the KMS host"} got no response (12289)` +
        (req.hresult ? `; request code ${hresultLabel(req.hresult)}` : "") +
        `. ${cause}`,
      fix: fix + hresultFix(req.hresult),
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
  title: "Client is not activated (grace period)",
  evaluate: (f) => {
    // A machine whose MAK/retail key is intended has its own finding (intendedChannel.ts), without GVLK advice.
    if (f.licenseStatus === null || !GRACE_STATES.has(f.licenseStatus) || f.intendedChannel !== null) return null;
    const left = f.graceRemainingMin;
    const leftDays = left === null ? null : days(left * MINUTE_MS);
    return {
      severity: left !== null && left < GRACE_CRITICAL_MIN ? "critical" : "warning",
      cause:
        `The client is not activated: ${f.licenseStatus}, ${leftDays ?? "unknown"} days left. If the KMS host ` +
        "is healthy, something keeps the client from it (firewall, network, DNS) or its key is not a GVLK. " +
        "When grace runs out, Windows goes to Notification.",
      fix:
        "Run `slmgr.vbs /ato` on the client and read its 12288/12289 events (see its other findings); " +
        "once the cause is fixed it also retries by itself every 2 hours.",
      evidence: { licenseStatus: f.licenseStatus, graceRemainingMin: left, graceRemainingDays: leftDays },
    };
  },
});

export const clientNotification = clientRule({
  id: "client-notification",
  severity: "critical",
  title: "Client grace period expired (Notification)",
  evaluate: (f) => {
    if (f.licenseStatus !== "Notification" || f.intendedChannel !== null) return null;
    const reason = f.notificationReason ? ` Reason: ${hresultLabel(f.notificationReason)}.` : "";
    return {
      cause: `Windows is in Notification mode: the grace period ended without activation.${reason}`,
      fix:
        "Fix what blocks activation (see this machine's other findings), then `slmgr.vbs /ato`; install the GVLK " +
        "first with `slmgr.vbs /ipk <GVLK>` if the key is not a KMS client key." +
        hresultFix(f.notificationReason),
      evidence: { licenseStatus: f.licenseStatus, notificationReason: hresultLabel(f.notificationReason) },
    };
  },
});

export const clientNotGvlk = clientRule({
  id: "client-not-gvlk",
  severity: "info",
  maxSeverity: "warning",
  title: "Client does not have a KMS client key (GVLK)",
  evaluate: (f) => {
    // An admin marked this machine's channel as intended (MAK by intent): say nothing about the key.
    if (hasGvlk(f) !== false || f.intendedChannel !== null) return null;
    if (HOST_KEY.test(f.channel ?? "") || HOST_KEY.test(f.productKeyChannel ?? "")) return null;
    // With a KMS trace (a configured/discovered host, a request on record) the wrong key is a mistake; without
    // one the machine may be activated by MAK/retail on purpose, so it is only reported as information.
    const kmsRequestAt = f.lastRequest?.at ?? f.lastResponse?.at ?? null;
    const meantForKms = f.kmsHost !== null || kmsRequestAt !== null;
    return {
      severity: meantForKms ? "warning" : "info",
      cause:
        `The installed key is ${f.productKeyChannel ?? f.channel}, not a GVLK (Description VOLUME_KMSCLIENT)` +
        (meantForKms ? ", although this machine is set up for KMS." : ", so this machine does not activate against KMS.") +
        " Only a GVLK makes Windows a KMS client (MAK is often used until there are enough systems for KMS).",
      fix:
        "If the edition uses volume activation, install the KMS client setup key for it: `slmgr.vbs /ipk <GVLK>` " +
        "(or with VAMT), then `slmgr.vbs /ato`.",
      evidence: { channel: f.channel, productKeyChannel: f.productKeyChannel, kmsHost: f.kmsHost, kmsRequestAt },
    };
  },
});

export const clientRenewalOverdue = clientRule({
  id: "client-renewal-overdue",
  severity: "warning",
  title: "Client has not renewed its KMS activation",
  evaluate: (f, now) => {
    const renewed = toMs(f.lastRenewalAt);
    if (f.licenseStatus !== "Licensed" || hasGvlk(f) === false || renewed === null) return null;
    // Measured up to the last check-in (an offline laptop is no KMS problem), with one day of margin.
    const asOf = Math.min(now.getTime(), toMs(f.lastCheckInAt) ?? now.getTime());
    const daysSinceRenewal = days(asOf - renewed);
    if (asOf - renewed <= RENEWAL_INTERVAL_MS + DAY_MS) return null;
    return {
      cause:
        `Last successful renewal (12289) was ${daysSinceRenewal} days before the client's latest report; ` +
        "activated clients renew every 7 days. It stays activated until expiry, then falls into grace.",
      fix: "Run `slmgr.vbs /ato` on the client and read its 12288/12289 events: host unreachable or refusing.",
      evidence: { lastRenewalAt: f.lastRenewalAt, lastCheckInAt: f.lastCheckInAt, daysSinceRenewal },
      since: new Date(renewed + RENEWAL_INTERVAL_MS).toISOString(),
    };
  },
});

export const clientExpiringSoon = clientRule({
  id: "client-expiring-soon",
  severity: "warning",
  maxSeverity: "critical",
  title: "Client KMS activation expires soon",
  evaluate: (f, now) => {
    const expires = toMs(f.expiresAt);
    // Grace/Notification clients have their own rules; their expiry is the end of grace, not of activation.
    if (expires === null || (f.licenseStatus !== null && f.licenseStatus !== "Licensed")) return null;
    const left = expires - now.getTime();
    if (left > EXPIRY_WARNING_MS) return null;
    return {
      severity: left <= EXPIRY_CRITICAL_MS ? "critical" : "warning",
      cause:
        `The 180-day KMS activation expires ${f.expiresAt} (in ${days(Math.max(0, left))} days): the client has ` +
        "not renewed for months (renewal is every 7 days). At expiry it falls into grace, then Notification.",
      fix: "Run `slmgr.vbs /ato` on the client; read its 12288/12289 events and the host findings if it fails.",
      evidence: { expiresAt: f.expiresAt, daysLeft: days(left), lastRenewalAt: f.lastRenewalAt },
      since: new Date(expires - EXPIRY_WARNING_MS).toISOString(),
    };
  },
});

export const clientUnapprovedHost = clientRule({
  id: "client-unapproved-host",
  severity: "critical",
  title: "Client uses an unapproved (rogue) KMS host",
  evaluate: (f) => {
    if (f.kmsHostApproved !== false) return null;
    const host = f.kmsHost ?? "an unknown host";
    return {
      cause:
        `The client's KMS host ${host} is not one of ours: a rogue KMS host (test host, unauthorized activator) ` +
        "publishing _vlmcs._tcp records. It splits the count between hosts and activates outside our control.",
      fix:
        "Remove the rogue host's _vlmcs._tcp SRV record and stop it publishing (`slmgr.vbs /cdns` on it). " +
        "On the client: `slmgr.vbs /ckms`, `slmgr.vbs /skms <approved-host>:1688`, then `slmgr.vbs /ato`.",
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
  title: "KMS host refused the client: count too low",
  evaluate: (f) => {
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
      cause:
        `The host answered (12289, ${r.at}) without activating: its count ${count ?? "?"} is below the ` +
        `${minCount ?? "minimum"} this client needs (0xC004F038; Windows clients need 25, servers 5).` +
        (cloned ? ` This machine's CMID is shared by ${f.cmidMachines} machines, which keeps the count low.` : ""),
      fix: cloned
        ? "Give the clones their own CMIDs first (see the CMID finding); the count then rises by itself and the client " +
          "retries every 2 hours."
        : "Raise the count on the host (see its findings): more distinct clients within 30 days, no duplicate " +
          "CMIDs, no clients spread over extra KMS hosts. The client retries every 2 hours.",
      evidence: { responseAt: r.at, hresult: hresultLabel(r.hresult), hostCurrentCount: count, minCount },
      since: r.at,
    };
  },
});
