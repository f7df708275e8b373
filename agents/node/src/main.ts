#!/usr/bin/env node
// kmswatch agent entry point. Exit codes: 0 done; 1 unexpected error; 2 usage or an operator must act
// (not enrolled, token revoked, enrollment refused or held by another installation); 3 payloads left in the
// spool (server unreachable, or its Retry-After would pass --max-run-seconds). See exitCode.ts.
import { parseAgentArgs, USAGE, UsageError, type AgentOptions } from "./args.ts";
import { sleep } from "./backoff.ts";
import { collectFromDir } from "./fromDir.ts";
import { runOnce, type RunDeps } from "./run.ts";
import { EXIT_OPERATOR_MUST_ACT, exitCodeOfError, exitCodeOfRun } from "./exitCode.ts";
import { AGENT_VERSION, log } from "./version.ts";
import { collectWindows, restrictStateDir } from "./windows.ts";

function depsFor(options: AgentOptions): RunDeps {
  const fromDir = options.fromDir;
  if (fromDir) return { collect: async () => collectFromDir(fromDir) };
  return { collect: collectWindows, onNewStateDir: restrictStateDir };
}

async function runAndReport(options: AgentOptions): Promise<number> {
  try {
    return exitCodeOfRun(await runOnce(options, depsFor(options)));
  } catch (error) {
    const code = exitCodeOfError(error);
    if (code === EXIT_OPERATOR_MUST_ACT) log(`stopped: ${error instanceof Error ? error.message : String(error)}`);
    else log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return code;
  }
}

async function main(argv: string[]): Promise<number> {
  let options: AgentOptions | null;
  try {
    options = parseAgentArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(`kmswatch-agent ${AGENT_VERSION}\n${USAGE}`);
    return 0;
  }
  if (options.once || options.dryRun) return runAndReport(options);
  for (;;) {
    const code = await runAndReport(options);
    // An operator must act (re-enroll, revoke the other installation's agent, fix the URL): looping
    // would only repeat the same error.
    if (code === EXIT_OPERATOR_MUST_ACT) return code;
    await sleep(options.interval * 1000);
  }
}

process.exitCode = await main(process.argv.slice(2));
