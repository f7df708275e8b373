// What a host's clients see of it: a host whose own logs look fine can still be unreachable from its clients
// (firewall, port). Their unanswered 12288 requests are the host's finding too, so its page is not "healthy".
import type { HostFacts } from "./types";
import { defineRule } from "./types";

const hostRule = defineRule<HostFacts>("host");

export const hostClientsCannotReach = hostRule({
  id: "host-clients-cannot-reach",
  severity: "critical",
  evaluate: (f, _now, m) => {
    const n = f.unreachableClients24h;
    if (n < 1) return null;
    return {
      severity: n >= 5 ? "critical" : "warning",
      cause: m("cause", { count: n }),
      fix: m("fix"),
      evidence: { unreachableClients24h: n },
    };
  },
});
