// A machine whose MAK (or retail/OEM key) is used on purpose ("intended channel", set by an admin): it gets no
// GVLK advice (clientNotGvlk, clientInGrace and clientNotification stay silent for it), only this finding when its
// own activation fails: the MAK ran out of activations, was blocked, or the machine is unlicensed or in grace.
import type { ClientFacts } from "./types";
import { days, defineRule, MINUTE_MS, sameHresult } from "./types";

const clientRule = defineRule<ClientFacts>("client");
const GRACE_CRITICAL_MIN = 3 * 24 * 60;

/** Activation-server answers about the key itself (Microsoft's MAK codes), in this rule's words. */
const KEY_FAILURES: { code: string; cause: string; fix: (key: string) => string }[] = [
  {
    code: "0xC004C008",
    cause: "the key has used up its activations (0xC004C008: activation count exceeded)",
    fix: (key) =>
      `Ask Microsoft for more activations on this ${key} (Volume Licensing Service Center or Microsoft 365 admin center, ` +
      `or by phone with \`slui 4\`), or install a ${key} that has activations left with \`slmgr.vbs /ipk <${key}>\`, then \`slmgr.vbs /ato\`.`,
  },
  {
    code: "0xC004C020",
    cause: "the key has used up its reactivations (0xC004C020: MAK reactivation limit exceeded)",
    fix: (key) =>
      `Ask Microsoft to raise this ${key}'s limit (\`slui 4\`), or install another one with \`slmgr.vbs /ipk <${key}>\`, then \`slmgr.vbs /ato\`.`,
  },
  {
    code: "0xC004C003",
    cause: "Microsoft's activation server blocked the key (0xC004C003)",
    fix: (key) => `Obtain a new ${key} and install it with \`slmgr.vbs /ipk <${key}>\`, then \`slmgr.vbs /ato\`.`,
  },
];

function keyFailureOf(f: ClientFacts) {
  const codes = [f.notificationReason, f.lastResponse?.hresult ?? null, f.lastRequest?.hresult ?? null];
  for (const failure of KEY_FAILURES) if (codes.some((c) => sameHresult(c, failure.code))) return failure;
  return null;
}

export const clientIntendedKeyFailing = clientRule({
  id: "client-intended-key-failing",
  severity: "warning",
  maxSeverity: "critical",
  title: "Client with an intended MAK/retail/OEM key is not activated",
  evaluate: (f) => {
    if (f.intendedChannel === null) return null;
    const failure = keyFailureOf(f);
    const unlicensed = f.licenseStatus !== null && f.licenseStatus !== "Licensed";
    if (failure === null && !unlicensed) return null;
    const key = f.intendedChannel.split(" ")[0] === "MAK" ? "MAK" : `${(f.intendedChannel.split(" ")[0] ?? "").toLowerCase()} key`;
    const left = f.graceRemainingMin;
    const critical = f.licenseStatus === "Notification" || f.licenseStatus === "Unlicensed" || (left !== null && left < GRACE_CRITICAL_MIN);
    const state = unlicensed
      ? `It is ${f.licenseStatus}${left !== null && f.licenseStatus !== "Notification" ? `, ${days(left * MINUTE_MS)} days left` : ""}`
      : "It is still licensed";
    return {
      severity: failure !== null || critical ? "critical" : "warning",
      cause:
        `This machine uses its ${key} on purpose (${f.intendedChannel}), so it does not need KMS; but its own activation ` +
        `fails: ${failure ? failure.cause : "it is not activated"}. ${state}.`,
      fix: failure
        ? failure.fix(key)
        : `Run \`slmgr.vbs /ato\` on the machine while it reaches the internet (a ${key} activates with Microsoft, or by phone ` +
          `with \`slui 4\`) and read the code it shows; 0xC004C008 means the ${key} is out of activations.`,
      evidence: {
        intendedChannel: f.intendedChannel,
        licenseStatus: f.licenseStatus,
        notificationReason: f.notificationReason,
        failureCode: failure?.code ?? null,
        graceRemainingMin: left,
      },
    };
  },
});
