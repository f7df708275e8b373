// A machine whose MAK (or retail/OEM key) is used on purpose ("intended channel", set by an admin): it gets no
// GVLK advice (clientNotGvlk, clientInGrace and clientNotification stay silent for it), only this finding when its
// own activation fails: the MAK ran out of activations, was blocked, or the machine is unlicensed or in grace.
import type { ClientFacts } from "./types";
import { days, defineRule, MINUTE_MS, type MessageValue, sameHresult } from "./types";

const clientRule = defineRule<ClientFacts>("client");
const GRACE_CRITICAL_MIN = 3 * 24 * 60;

/** Activation-server answers about the key itself (Microsoft's MAK codes): each has its cause and fix in the catalogue. */
const KEY_FAILURES = ["0xC004C008", "0xC004C020", "0xC004C003"] as const;

function keyFailureOf(f: ClientFacts) {
  const codes = [f.notificationReason, f.lastResponse?.hresult ?? null, f.lastRequest?.hresult ?? null];
  for (const failure of KEY_FAILURES) if (codes.some((c) => sameHresult(c, failure))) return failure;
  return null;
}

export const clientIntendedKeyFailing = clientRule({
  id: "client-intended-key-failing",
  severity: "warning",
  maxSeverity: "critical",
  evaluate: (f, _now, m) => {
    if (f.intendedChannel === null) return null;
    const failure = keyFailureOf(f);
    const unlicensed = f.licenseStatus !== null && f.licenseStatus !== "Licensed";
    if (failure === null && !unlicensed) return null;
    const kind = f.intendedChannel.split(" ")[0] ?? "";
    const key: MessageValue = kind === "MAK" ? "MAK" : m("keyOf", { channel: kind.toLowerCase() });
    const left = f.graceRemainingMin;
    const critical = f.licenseStatus === "Notification" || f.licenseStatus === "Unlicensed" || (left !== null && left < GRACE_CRITICAL_MIN);
    const state = !unlicensed
      ? m("stillLicensed")
      : left !== null && f.licenseStatus !== "Notification"
        ? m("stateLeft", { status: f.licenseStatus, days: days(left * MINUTE_MS) })
        : m("state", { status: f.licenseStatus });
    return {
      severity: failure !== null || critical ? "critical" : "warning",
      cause: m("cause", { key, intended: f.intendedChannel, failure: m(failure ? `fail${failure.slice(2)}` : "notActivated"), state }),
      fix: failure ? m(`fix${failure.slice(2)}`, { key }) : m("fix", { key }),
      evidence: {
        intendedChannel: f.intendedChannel,
        licenseStatus: f.licenseStatus,
        notificationReason: f.notificationReason,
        failureCode: failure,
        graceRemainingMin: left,
      },
    };
  },
});
