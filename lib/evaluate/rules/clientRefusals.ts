// Client rules read from what the KMS host answered and from the CMID the client shares: the refusal's own
// code decides the cause (0xC004F041 is the host's fault, 0xC004F042 its key's), and a cloned CMID is named
// as the root of a low count instead of "raise the count".
import type { ClientFacts } from "./types";
import { defineRule, hresultLabel, sameHresult } from "./types";

const clientRule = defineRule<ClientFacts>("client");

/** The failure code of the last exchange with the KMS host: the response's, else the request's; null on success. */
export function lastFailureCode(f: Pick<ClientFacts, "lastRequest" | "lastResponse">): string | null {
  for (const code of [f.lastResponse?.hresult ?? null, f.lastRequest?.hresult ?? null]) {
    if (code !== null && !sameHresult(code, "0x00000000")) return code;
  }
  return null;
}

/** The host the client last talked to, for the texts. */
function hostOf(f: ClientFacts): string {
  return f.lastRequest?.kmsHost ?? f.kmsHost ?? "its KMS host";
}

export const clientCmidShared = clientRule({
  id: "client-cmid-shared",
  severity: "critical",
  title: "Client shares its CMID with other machines (cloned image)",
  evaluate: (f) => {
    if (f.cmidMachines === null || f.cmidMachines < 2 || f.cmid === null) return null;
    const others = f.cmidMachines - 1;
    return {
      cause:
        `This machine shares its CMID ${f.cmid} with ${others} other machine(s): they are clones of an image that ` +
        "was not prepared with `sysprep /generalize`. The KMS host counts one CMID once, so all of them add 1 to its " +
        "count, which stays below the activation threshold and the host refuses them with 0xC004F038.",
      fix:
        "Give each clone its own CMID: run `sysprep /generalize` on the golden image and redeploy, or on each clone " +
        "run `slmgr.vbs /rearm` and restart, then `slmgr.vbs /ato`.",
      evidence: { cmid: f.cmid, machinesWithThisCmid: f.cmidMachines },
    };
  },
});

export const clientHostNotActivated = clientRule({
  id: "client-host-not-activated",
  severity: "critical",
  title: "Client's KMS host is not activated (0xC004F041)",
  evaluate: (f) => {
    const code = lastFailureCode(f);
    if (code === null || !sameHresult(code, "0xC004F041")) return null;
    const host = hostOf(f);
    return {
      cause:
        `${host} answered ${hresultLabel(code)}: the KMS host itself is not activated, so it activates nobody. ` +
        "Nothing is wrong on this client.",
      fix:
        `Activate the KMS host ${host}: on it run \`slmgr.vbs /ato\` (or by phone, \`slui 4\`); if its key is not a ` +
        "CSVLK, install one with `slmgr.vbs /ipk <CSVLK>` first. Clients retry within 2 hours (or `slmgr.vbs /ato` here).",
      evidence: { hresult: hresultLabel(code), kmsHost: host, responseAt: f.lastResponse?.at ?? null },
      since: f.lastResponse?.at ?? f.lastRequest?.at ?? null,
    };
  },
});

export const clientHostKeyUnsupported = clientRule({
  id: "client-host-key-unsupported",
  severity: "critical",
  title: "KMS host cannot activate this client's product (0xC004F042)",
  evaluate: (f) => {
    const code = lastFailureCode(f);
    if (code === null || !sameHresult(code, "0xC004F042")) return null;
    const host = hostOf(f);
    return {
      cause:
        `${host} answered ${hresultLabel(code)}: its host key (CSVLK) does not cover this client's OS or product, ` +
        "typically a key older than the client's Windows version, or an Office host key asked for Windows.",
      fix:
        `On ${host}, install a CSVLK that covers this client's version (\`slmgr.vbs /ipk <CSVLK>\`, then ` +
        "`slmgr.vbs /ato`), after the host's servicing update for that version; or point this client at a host whose " +
        "key covers it with `slmgr.vbs /skms <host>:1688`.",
      evidence: { hresult: hresultLabel(code), kmsHost: host, responseAt: f.lastResponse?.at ?? null },
      since: f.lastResponse?.at ?? f.lastRequest?.at ?? null,
    };
  },
});
