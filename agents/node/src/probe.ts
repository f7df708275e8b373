// Client-side reachability probe: `_vlmcs._tcp.<domain>` SRV lookup, then a TCP connect to the KMS
// host the client uses. DNS and TCP are injected so tests never touch the real network.
import { promises as dns } from "node:dns";
import net from "node:net";
import type { ProbeArtifact } from "../../../lib/kms/protocol.ts";
import type { ProbePlan, ProbeTarget } from "./probeTarget.ts";

export type SrvRecord = { name: string; port: number; priority: number; weight: number };
export type TcpResult = { ok: boolean; latencyMs: number | null; error: string | null };
export type ProbeDeps = {
  resolveSrv: (name: string) => Promise<SrvRecord[]>;
  connect: (host: string, port: number, timeoutMs: number) => Promise<TcpResult>;
  now: () => Date;
};

export const TCP_TIMEOUT_MS = 3000;
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}

export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<TcpResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host, port });
    const finish = (result: TcpResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ ok: false, latencyMs: null, error: "ETIMEDOUT" }));
    socket.once("connect", () => finish({ ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, error: null }));
    socket.once("error", (error) => finish({ ok: false, latencyMs: null, error: clip(errorCode(error), 200) }));
  });
}

export const realProbeDeps: ProbeDeps = { resolveSrv: (name) => dns.resolveSrv(name), connect: tcpConnect, now: () => new Date() };

export async function runProbe(plan: ProbePlan, deps: ProbeDeps = realProbeDeps): Promise<ProbeArtifact> {
  const checkedAt = deps.now().toISOString();
  let srvRecords: ProbeArtifact["srvRecords"] = [];
  let srvError: string | null = null;
  if (plan.lookupDomain) {
    try {
      const answer = await deps.resolveSrv(`_vlmcs._tcp.${plan.lookupDomain}`);
      // Lowest priority first, then heaviest weight: the order a client tries them in.
      srvRecords = [...answer]
        .sort((a, b) => a.priority - b.priority || b.weight - a.weight)
        .slice(0, 50)
        .map((r) => ({ target: clip(r.name, 255), port: r.port, priority: r.priority, weight: r.weight }));
    } catch (error) {
      srvError = clip(errorCode(error), 200);
    }
  }
  const first = srvRecords.find((r) => r.port >= 1);
  const target: ProbeTarget | null = plan.known ?? (first ? { host: first.target, port: first.port, source: "srv" } : null);
  const tcp = target ? await deps.connect(target.host, target.port, TCP_TIMEOUT_MS) : null;
  return {
    type: "probe",
    checkedAt,
    domain: plan.lookupDomain ? clip(plan.lookupDomain, 255) : null,
    srvRecords,
    srvError,
    target: target ? { ...target, host: clip(target.host, 255) } : null,
    tcp,
  };
}
