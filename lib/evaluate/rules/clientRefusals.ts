// Client rules read from what the KMS host answered and from the CMID the client shares: the refusal's own
// code decides the cause (0xC004F041 is the host's fault, 0xC004F042 its key's), and a cloned CMID is named
// as the root of a low count instead of "raise the count".
import type { ClientFacts } from "./types";
import { defineRule, hresultLabel, hresultText, type MessageValue, msg, sameHresult } from "./types";

const clientRule = defineRule<ClientFacts>("client");

/** The failure code of the last exchange with the KMS host: the response's, else the request's; null on success. */
export function lastFailureCode(f: Pick<ClientFacts, "lastRequest" | "lastResponse">): string | null {
  for (const code of [f.lastResponse?.hresult ?? null, f.lastRequest?.hresult ?? null]) {
    if (code !== null && !sameHresult(code, "0x00000000")) return code;
  }
  return null;
}

/** The host the client last talked to; null when no report names it. */
function hostNameOf(f: ClientFacts): string | null {
  return f.lastRequest?.kmsHost ?? f.kmsHost ?? null;
}
/** The host for the texts: its name, else "its KMS host" in the reader's language. */
function hostOf(f: ClientFacts): MessageValue {
  return hostNameOf(f) ?? msg("findings.parts.itsKmsHost");
}

export const clientCmidShared = clientRule({
  id: "client-cmid-shared",
  severity: "critical",
  evaluate: (f, _now, m) => {
    if (f.cmidMachines === null || f.cmidMachines < 2 || f.cmid === null) return null;
    const others = f.cmidMachines - 1;
    return {
      cause: m("cause", { cmid: f.cmid, others }),
      fix: m("fix"),
      evidence: { cmid: f.cmid, machinesWithThisCmid: f.cmidMachines },
    };
  },
});

/** A client refused by its KMS host with `refusal`, a code that puts the fault on the host's side. */
function hostRefusalRule(id: string, refusal: string) {
  return clientRule({
    id,
    severity: "critical",
    evaluate: (f, _now, m) => {
      const code = lastFailureCode(f);
      if (code === null || !sameHresult(code, refusal)) return null;
      const host = hostOf(f);
      return {
        cause: m("cause", { host, code: hresultText(code) }),
        fix: m("fix", { host }),
        evidence: { hresult: hresultLabel(code), kmsHost: hostNameOf(f), responseAt: f.lastResponse?.at ?? null },
        since: f.lastResponse?.at ?? f.lastRequest?.at ?? null,
      };
    },
  });
}

/** The host itself is not activated. */
export const clientHostNotActivated = hostRefusalRule("client-host-not-activated", "0xC004F041");
/** The host's key does not cover this client's product. */
export const clientHostKeyUnsupported = hostRefusalRule("client-host-key-unsupported", "0xC004F042");
