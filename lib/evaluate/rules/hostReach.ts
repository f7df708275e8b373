// What a host's clients see of it: a host whose own logs look fine can still be unreachable from its clients
// (firewall, port). Their unanswered 12288 requests are the host's finding too, so its page is not "healthy".
import type { HostFacts } from "./types";
import { defineRule } from "./types";

const hostRule = defineRule<HostFacts>("host");

export const hostClientsCannotReach = hostRule({
  id: "host-clients-cannot-reach",
  severity: "critical",
  title: "Clients cannot reach this KMS host",
  evaluate: (f) => {
    const n = f.unreachableClients24h;
    if (n < 1) return null;
    return {
      severity: n >= 5 ? "critical" : "warning",
      cause:
        `${n} ${n === 1 ? "client" : "clients"} could not reach this host in the last 24 h: their activation request (12288) got no ` +
        "response (12289) and this host logged no request (12290) from them. The usual cause is TCP 1688 blocked " +
        "between them and the host (the host's KMS firewall exception is not enabled by default), or a wrong port.",
      fix:
        "Open TCP 1688 (or the host's port) on the host's firewall (`netsh advfirewall firewall set rule name=\"Key " +
        'Management Service (TCP-In)" new enable=yes`) and on network firewalls between the clients and the host; ' +
        "then run `slmgr.vbs /ato` on one client and check for a 12289.",
      evidence: { unreachableClients24h: n },
    };
  },
});
