// Phase 5: cost of one agent run (`--once --dry-run --from-dir <fixture>`): CPU seconds and peak RSS,
// from /usr/bin/time -v when present, else from process.resourceUsage() of a small wrapper process.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { stat, type Stat } from "./lib/util";

export type AgentResult =
  | { available: false; reason: string }
  | { available: true; fixture: string; cpuSeconds: Stat; peakRssMiB: Stat; wallSeconds: Stat };

/** Builds the single-file agent (`npm run agent:build`) when a fresh clone has not built it yet. */
function buildAgent(root: string): boolean {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const r = spawnSync(process.execPath, [tsx, path.join("agents", "node", "build.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return r.status === 0;
}

export function runAgentCost(root: string, runs: number): AgentResult {
  const agent = path.join(root, "agents", "node", "dist", "kmswatch-agent.mjs");
  if (!existsSync(agent) && !buildAgent(root)) return { available: false, reason: "n/a (npm run agent:build failed)" };
  const fixturesRoot = path.join(root, "tests", "fixtures", "agent");
  const fixtures = existsSync(fixturesRoot)
    ? readdirSync(fixturesRoot)
        .filter((d) => statSync(path.join(fixturesRoot, d)).isDirectory())
        .sort()
    : [];
  if (fixtures.length === 0) return { available: false, reason: "n/a (no tests/fixtures/agent/<dir>)" };
  const fixture = path.join(fixturesRoot, fixtures[0]!);
  const args = [agent, "--once", "--dry-run", "--from-dir", fixture];
  const cpu: number[] = [];
  const rss: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (existsSync("/usr/bin/time")) {
      const t0 = performance.now();
      const r = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { cwd: root, encoding: "utf8" });
      wall.push((performance.now() - t0) / 1000);
      if (r.status !== 0)
        return {
          available: false,
          reason: `n/a (agent exited ${r.status}: ${(r.stderr ?? "").split("\n").slice(-3).join(" ").slice(0, 200)})`,
        };
      const num = (re: RegExp) => Number((r.stderr.match(re) ?? [])[1] ?? NaN);
      cpu.push(num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/));
      rss.push(num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024);
    } else {
      // Node exposes only its own rusage, so a small wrapper imports the agent into its own process
      // (argv as the agent expects it) and reports process.resourceUsage() when it exits.
      const script =
        `const t0=Date.now();process.argv.splice(1,0,${JSON.stringify(agent)});` +
        `process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\n@@"+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,rss:u.maxRSS/1024,wall:(Date.now()-t0)/1000}));});` +
        `import(${JSON.stringify(agent)});`;
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, "--", ...args.slice(1)], { cwd: root, encoding: "utf8" });
      const m = (r.stderr ?? "").match(/@@(\{.*\})/);
      if (!m) return { available: false, reason: `n/a (agent run failed: ${(r.stderr ?? "").slice(0, 200)})` };
      const u = JSON.parse(m[1]!) as { cpu: number; rss: number; wall: number };
      cpu.push(u.cpu);
      rss.push(u.rss);
      wall.push(u.wall);
    }
  }
  return { available: true, fixture: path.relative(root, fixture), cpuSeconds: stat(cpu), peakRssMiB: stat(rss), wallSeconds: stat(wall) };
}
