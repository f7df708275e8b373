// CLI: simulate a KMS fleet and push its artifacts through the agent API.
//   npm run simulate -- --hosts 3 --clients 500 --days 45 --scenario healthy --scenario duplicate-cmid
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildFleet } from "./simulator/fleet";
import { simulate } from "./simulator/engine";
import { scenarioDescriptions } from "./simulator/scenarios";
import { scenarioNames, type FleetOptions } from "./simulator/types";
import { pushFleet, type PushProgress } from "./simulate-push";

export type SimulateCliOptions = {
  fleet: FleetOptions;
  server: string;
  enrollSecret: string | null;
  concurrency: number;
  dryRun: boolean;
};

export const usage = `Usage: npm run simulate -- [options]
  --hosts N            approved KMS hosts of the main site (default 3)
  --clients N          clients in total, scenario clients included (default 500)
  --days N             simulated days ending at --end (default 45)
  --scenario NAME      repeatable or comma separated; "all" for every scenario (default healthy)
  --server URL         kmswatch server (default http://127.0.0.1:$PORT, PORT defaults to 3000)
  --enroll-secret S    agent enrollment secret (default $KMSWATCH_ENROLL_SECRET)
  --seed N             PRNG seed: same seed, same fleet (default 1)
  --concurrency N      machines pushed in parallel (default 8)
  --end ISO            end of the simulated window (default now)
  --dry-run            simulate and print the volume, push nothing
Scenarios:
${scenarioNames.map((s) => `  ${s.padEnd(20)} ${scenarioDescriptions[s]}`).join("\n")}`;

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `--${name} must be a number` })
    .int(`--${name} must be an integer`)
    .min(min, `--${name} must be >= ${min}`)
    .max(max, `--${name} must be <= ${max}`);

const schema = z.object({
  hosts: int("hosts", 1, 50),
  clients: int("clients", 0, 50_000),
  days: z.coerce.number({ error: "--days must be a number" }).positive("--days must be > 0").max(365, "--days must be <= 365"),
  scenarios: z.array(z.enum(scenarioNames, { error: `--scenario must be one of: ${scenarioNames.join(", ")}, all` })).min(1),
  server: z.url({ protocol: /^https?$/, error: "--server must be an http(s) URL" }),
  enrollSecret: z.string().min(1, "--enroll-secret must not be empty").nullable(),
  seed: int("seed", 0, 2 ** 32 - 1),
  concurrency: int("concurrency", 1, 64),
  end: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "--end must be an ISO-8601 date, e.g. 2024-05-13T12:00:00Z"),
  dryRun: z.boolean(),
});

export type ParseOutcome = { ok: true; options: SimulateCliOptions } | { ok: false; error: string; help?: boolean };

const SIMULATE_OPTIONS = {
  hosts: { type: "string", default: "3" },
  clients: { type: "string", default: "500" },
  days: { type: "string", default: "45" },
  scenario: { type: "string", multiple: true },
  server: { type: "string" },
  "enroll-secret": { type: "string" },
  seed: { type: "string", default: "1" },
  concurrency: { type: "string", default: "8" },
  end: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export function parseSimulateArgs(argv: string[], env: Record<string, string | undefined>, now = Date.now()): ParseOutcome {
  let values: ReturnType<
    typeof parseArgs<{ args: string[]; strict: true; allowPositionals: false; options: typeof SIMULATE_OPTIONS }>
  >["values"];
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: SIMULATE_OPTIONS,
    }));
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { ok: false, error: usage, help: true };
  const names = (values.scenario ?? ["healthy"])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const scenarios = names.includes("all") ? [...scenarioNames] : [...new Set(names)];
  const parsed = schema.safeParse({
    hosts: values.hosts,
    clients: values.clients,
    days: values.days,
    scenarios,
    server: values.server ?? `http://127.0.0.1:${env.PORT ?? 3000}`,
    enrollSecret: values["enroll-secret"] ?? env.KMSWATCH_ENROLL_SECRET ?? null,
    seed: values.seed,
    concurrency: values.concurrency,
    end: values.end ?? new Date(now).toISOString(),
    dryRun: values["dry-run"],
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join("\n") };
  const o = parsed.data;
  if (!o.dryRun && o.enrollSecret === null) {
    return { ok: false, error: "missing enroll secret: pass --enroll-secret or set KMSWATCH_ENROLL_SECRET" };
  }
  return {
    ok: true,
    options: {
      fleet: { hosts: o.hosts, clients: o.clients, days: o.days, scenarios: o.scenarios, seed: o.seed, end: Date.parse(o.end) },
      server: o.server,
      enrollSecret: o.enrollSecret,
      concurrency: o.concurrency,
      dryRun: o.dryRun,
    },
  };
}

const progressLine = (p: PushProgress) =>
  `[${(p.elapsedMs / 1000).toFixed(0)}s] machines ${p.machinesDone}/${p.machines}, check-ins ${p.checkinsDone}/${p.checkins}, ` +
  `requests ${p.requests}, accepted ${p.accepted}, duplicates ${p.duplicates}, rejected ${p.rejected}`;

export async function main(argv: string[]): Promise<number> {
  const parsed = parseSimulateArgs(argv, process.env);
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(parsed.error);
      return 0;
    }
    console.error(`simulate: ${parsed.error}\n(run with --help for usage)`);
    return 1;
  }
  const o = parsed.options;
  const fleet = buildFleet(o.fleet);
  const result = simulate(fleet);
  const checkins = [...result.checkins.values()];
  const events = checkins.reduce((n, l) => n + l.reduce((m, c) => m + c.events.length, 0), 0);
  console.log(
    `simulated ${fleet.hosts.length} KMS hosts + ${fleet.clients.filter((c) => c.hasAgent).length} clients with agents ` +
      `(+${fleet.clients.filter((c) => !c.hasAgent).length} agentless) over ${o.fleet.days} days ` +
      `ending ${new Date(o.fleet.end).toISOString()} (scenarios: ${o.fleet.scenarios.join(", ")}; seed ${o.fleet.seed})`,
  );
  console.log(`approved KMS hosts: ${fleet.approvedHosts.join(", ")}`);
  console.log(`${result.checkins.size} agents, ${checkins.reduce((n, l) => n + l.length, 0)} check-ins, ${events} events`);
  if (o.dryRun) return 0;
  console.log(`pushing to ${o.server} with concurrency ${o.concurrency}...`);
  try {
    const s = await pushFleet({
      server: o.server,
      enrollSecret: o.enrollSecret ?? "",
      simulation: result,
      concurrency: o.concurrency,
      onProgress: (p) => console.log(progressLine(p)),
    });
    console.log(progressLine(s));
    console.log(
      `done in ${(s.elapsedMs / 1000).toFixed(1)}s: ${s.machines} machines, ${s.requests} requests, ${s.eventsSent} events sent, ` +
        `${s.accepted} accepted, ${s.duplicates} duplicates, ${s.rejected} rejected`,
    );
    for (const r of s.rejectedSamples) console.log(`  rejected: ${r}`);
    return 0;
  } catch (err) {
    console.error(`simulate: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
