// A signed-in dashboard session for the bench, and the wait for the server's queued alert evaluations.
import type { BenchContext } from "./context";
import { log } from "./util";

export async function signIn(ctx: BenchContext): Promise<string> {
  const res = await fetch(`${ctx.baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ctx.adminEmail, password: ctx.adminPassword }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error("sign-in set no cookie");
  return cookie;
}

/**
 * Runs the evaluations a phase left queued (a KMS host's request log waits up to 30 s, lib/alerts/queue.ts)
 * before the next phase is timed: the alerts page pulls them forward, each read waiting up to 5 s for them.
 */
export async function settleServerEvaluations(ctx: BenchContext): Promise<void> {
  const cookie = await signIn(ctx);
  const t0 = performance.now();
  for (let read = 0; read < 4; read++) {
    const started = performance.now();
    const res = await fetch(`${ctx.baseUrl}/api/dashboard/alerts?limit=1`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`alerts answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    if (performance.now() - started < 1_000) break;
  }
  log(`queued alert evaluations settled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
