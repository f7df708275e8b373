// Sends the spool oldest first: enroll when needed, retry with backoff within the run's deadline,
// re-enroll once on 401 when the enroll secret is at hand, set refused payloads aside.
import { readFileSync } from "node:fs";
import { fitsBeforeDeadline, retryDelay, sleep } from "./backoff.ts";
import { parseEnrollAnswer, postJson, type FetchLike, type Outcome } from "./client.ts";
import { installationKeyFor } from "./installationKey.ts";
import type { Spool } from "./spool.ts";
import type { AgentState } from "./state.ts";
import { log } from "./version.ts";

/** The agent cannot authenticate and an operator has to act: the process exits non-zero. */
export class AuthError extends Error {}
/** Any other condition a retry will not fix (enrollment disabled, wrong URL, ...). */
export class FatalError extends Error {}

export const REVOKED_MESSAGE = "token revoked or unknown; run with --enroll-secret to enroll again";
/** 409 on enroll: another installation holds this machine. Retrying cannot help; an admin must act. */
export const takeoverMessage = (fqdn: string, server: string) =>
  `the server refused this enrollment (${server}): ${fqdn} already has an active agent enrolled by another installation ` +
  "(a reinstalled machine, a lost state folder, or two machines with one name). An administrator must revoke the old agent " +
  "on the Agents page (Settings > Agents); the next run then enrolls by itself.";
const REQUEST_TIMEOUT_MS = 30_000;

export type SendContext = {
  server: string;
  enrollSecret: string | null;
  hostname: string;
  fqdn: string;
  state: AgentState;
  spool: Spool;
  deadline: number;
  fetchImpl?: FetchLike;
  random?: () => number;
};
export type SendResult = { sent: number; rejected: number; remaining: number; reachedDeadline: boolean; reenrolled: boolean };

/** Calls `attempt` until it stops asking for a retry, or returns null when the deadline comes first. */
async function withRetries(label: string, ctx: SendContext, attempt: (timeoutMs: number) => Promise<Outcome>): Promise<Outcome | null> {
  for (let n = 0; ; n += 1) {
    const left = ctx.deadline - Date.now();
    if (left <= 0) {
      log(`${label}: giving up for this run (--max-run-seconds reached)`);
      return null;
    }
    const outcome = await attempt(Math.min(REQUEST_TIMEOUT_MS, left));
    if (outcome.kind !== "retry") return outcome;
    // The spool keeps the payload either way: a wait past the deadline ends the run (exit 3) instead.
    const delay = retryDelay(n, outcome.retryAfter, ctx.random);
    const asked = outcome.retryAfter !== null ? ` (Retry-After ${outcome.retryAfter} s)` : "";
    if (!fitsBeforeDeadline(Date.now(), ctx.deadline, delay)) {
      log(`${label}: ${outcome.reason}${asked}; giving up for this run (--max-run-seconds reached)`);
      return null;
    }
    log(`${label}: ${outcome.reason}; retrying in ${delay} ms${asked}`);
    await sleep(delay);
  }
}

async function enroll(ctx: SendContext, why: string): Promise<string | null> {
  if (!ctx.enrollSecret) throw new AuthError(why === "first" ? "not enrolled yet: run with --enroll-secret to enroll" : REVOKED_MESSAGE);
  const fetchImpl = ctx.fetchImpl ?? fetch;
  const installationKey = installationKeyFor(ctx.state);
  const body = JSON.stringify({
    enrollSecret: ctx.enrollSecret,
    hostname: ctx.hostname,
    fqdn: ctx.fqdn,
    ...(installationKey ? { installationKey } : {}),
  });
  const outcome = await withRetries("enroll", ctx, (t) => postJson(fetchImpl, `${ctx.server}/api/v1/enroll`, body, null, t));
  if (outcome === null) return null;
  if (outcome.kind === "unauthorized") throw new AuthError(`the server refused the enroll secret (${outcome.message})`);
  if (outcome.kind === "fatal" && outcome.status === 409)
    throw new AuthError(`${takeoverMessage(ctx.fqdn, ctx.server)} (${outcome.message})`);
  if (outcome.kind !== "ok") {
    const status = "status" in outcome ? outcome.status : 0;
    throw new FatalError(
      status === 503 ? "enrollment is disabled on the server (503)" : `enroll failed: ${outcome.kind} ${JSON.stringify(outcome)}`,
    );
  }
  const answer = parseEnrollAnswer(outcome.body);
  if (!answer) throw new FatalError(`enroll answered an unexpected body: ${JSON.stringify(outcome.body).slice(0, 200)}`);
  ctx.state.writeToken({
    server: ctx.server,
    agentId: answer.agentId,
    token: answer.token,
    fqdn: ctx.fqdn,
    enrolledAt: new Date().toISOString(),
  });
  log(`enrolled ${why === "first" ? "" : "again "}as ${ctx.fqdn} (agent ${answer.agentId})`);
  return answer.token;
}

export async function sendSpool(ctx: SendContext): Promise<SendResult> {
  const fetchImpl = ctx.fetchImpl ?? fetch;
  const result: SendResult = { sent: 0, rejected: 0, remaining: 0, reachedDeadline: false, reenrolled: false };
  const entries = ctx.spool.list();
  let token = ctx.state.readToken(ctx.server)?.token ?? null;
  for (let i = 0; i < entries.length; ) {
    const name = entries[i]!.name;
    token ??= await enroll(ctx, "first");
    const outcome = token
      ? await withRetries(`send ${name}`, ctx, (t) =>
          postJson(fetchImpl, `${ctx.server}/api/v1/ingest`, readFileSync(ctx.spool.pathOf(name), "utf8"), token, t),
        )
      : null;
    if (outcome === null) {
      result.reachedDeadline = true;
      result.remaining = entries.length - i;
      return result;
    }
    if (outcome.kind === "unauthorized") {
      // Expired or revoked: one fresh enrollment per run, then the same payload again.
      if (result.reenrolled || !ctx.enrollSecret) throw new AuthError(`${REVOKED_MESSAGE} (server said ${outcome.message})`);
      log(`token refused (${outcome.message}); enrolling again`);
      result.reenrolled = true;
      token = await enroll(ctx, "again");
      continue;
    }
    if (outcome.kind === "fatal" || outcome.kind === "retry") throw new FatalError(`ingest failed: ${JSON.stringify(outcome)}`);
    if (outcome.kind === "refused") {
      const where = ctx.spool.reject(name, outcome.message);
      result.rejected += 1;
      log(`server refused ${name} (${outcome.message}); kept in ${where}`);
    } else {
      ctx.spool.remove(name);
      result.sent += 1;
      log(`sent ${name}: ${JSON.stringify(outcome.body)}`);
    }
    i += 1;
  }
  return result;
}
