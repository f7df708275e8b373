// One agent run: collect → build payload → spool (and advance bookmarks) → bound the spool → send.
import os from "node:os";
import { existsSync, mkdirSync } from "node:fs";
import type { AgentOptions } from "./args.ts";
import type { RawCollection } from "./collection.ts";
import type { Bookmarks } from "./events.ts";
import { buildPayload } from "./payload.ts";
import { realProbeDeps, runProbe, type ProbeDeps } from "./probe.ts";
import { domainOf, planProbe } from "./probeTarget.ts";
import { sendSpool, type SendResult } from "./sender.ts";
import { planSpoolDrops, Spool, spoolName } from "./spool.ts";
import { AgentState } from "./state.ts";
import type { FetchLike } from "./client.ts";
import { log } from "./version.ts";

export type RunDeps = {
  collect: (bookmarks: Bookmarks) => Promise<RawCollection>;
  probe?: ProbeDeps;
  now?: () => Date;
  fetchImpl?: FetchLike;
  hostname?: string;
  onNewStateDir?: (dir: string) => Promise<void>;
  stdout?: (text: string) => void;
};
export type RunSummary = { events: number; spooled: string | null; dropped: number; send: SendResult | null };

/** The enroll API accepts letters, digits, '.', '-', '_' only. */
export const safeHostname = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 255) || "unknown";

export function machineFqdn(explicit: string | null, hostname: string, domain: string | null): string {
  if (explicit) return explicit;
  if (hostname.includes(".")) return hostname;
  return domain ? `${hostname}.${domain}` : hostname;
}

export async function runOnce(options: AgentOptions, deps: RunDeps): Promise<RunSummary> {
  const started = Date.now();
  const deadline = started + options.maxRunSeconds * 1000;
  const now = deps.now ?? (() => new Date());
  const state = new AgentState(options.stateDir);
  const bookmarks = state.readBookmarks();
  const collection = await deps.collect(bookmarks);
  const hostname = safeHostname(deps.hostname ?? os.hostname());
  const fqdn = machineFqdn(options.fqdn, hostname, collection.domain);
  const probe = options.probe
    ? await runProbe(planProbe(collection, collection.domain ?? domainOf(fqdn)), deps.probe ?? realProbeDeps)
    : null;
  const built = buildPayload({ collection, bookmarks, collectedAt: now(), probe });
  const json = JSON.stringify(built.payload);
  if (options.dryRun) {
    (deps.stdout ?? ((t: string) => process.stdout.write(t)))(`${JSON.stringify(built.payload, null, 2)}\n`);
    return { events: built.eventCount, spooled: null, dropped: 0, send: null };
  }

  if (!options.server) throw new Error("--server is required");
  const isNew = !existsSync(options.stateDir);
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  if (isNew && deps.onNewStateDir) await deps.onNewStateDir(options.stateDir);
  const spool = new Spool(options.stateDir);
  const counters = state.readCounters();
  const name = spoolName(new Date(built.payload.collectedAt), counters.spoolCounter + 1);
  // The spool is the durable record: once the payload is on disk its events are "collected", so the
  // bookmarks move now. A crash after this line resends at worst (the server deduplicates events).
  spool.write(name, json);
  state.writeBookmarks(built.bookmarks);
  counters.spoolCounter += 1;

  const drops = planSpoolDrops(spool.list(), now().getTime(), options.spoolMaxBytes, options.spoolMaxAgeMs);
  for (const dropped of drops) spool.remove(dropped);
  if (drops.length > 0) {
    counters.droppedTotal += drops.length;
    log(
      `spool over its bounds (${options.spoolMaxBytes} bytes, ${options.spoolMaxAgeMs / 86_400_000} days): dropped ${drops.length} oldest payload(s): ${drops.join(", ")}`,
    );
  }
  state.writeCounters(counters);

  let send: SendResult | null = null;
  try {
    send = await sendSpool({
      server: options.server,
      enrollSecret: options.enrollSecret,
      hostname,
      fqdn,
      state,
      spool,
      deadline,
      fetchImpl: deps.fetchImpl,
    });
    if (send.rejected > 0)
      state.writeCounters({ ...state.readCounters(), rejectedTotal: state.readCounters().rejectedTotal + send.rejected });
    return { events: built.eventCount, spooled: name, dropped: drops.length, send };
  } finally {
    const c = state.readCounters();
    const sent = send ? `sent ${send.sent}, rejected ${send.rejected}` : "send failed";
    log(
      `run summary: ${built.eventCount} new event(s) in ${name}; ${sent}; dropped ${drops.length} (total ${c.droppedTotal}); ` +
        `rejected total ${c.rejectedTotal}; ${spool.list().length} payload(s) left in the spool; ${Date.now() - started} ms`,
    );
  }
}
