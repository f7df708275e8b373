// The agent's exit codes (agents/README.md), the same as the Windows agent's: 0 done; 2 an operator must
// act (not enrolled, token revoked, enrollment refused or taken by another installation, bad flags);
// 3 payloads left in the spool (server unreachable or asked to wait past the run's deadline); 1 unexpected.
import type { RunSummary } from "./run.ts";
import { AuthError, FatalError } from "./sender.ts";

export const EXIT_DONE = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_OPERATOR_MUST_ACT = 2;
export const EXIT_SPOOLED = 3;

export const exitCodeOfRun = (summary: RunSummary): number => (summary.send?.reachedDeadline ? EXIT_SPOOLED : EXIT_DONE);

export const exitCodeOfError = (error: unknown): number =>
  error instanceof AuthError || error instanceof FatalError ? EXIT_OPERATOR_MUST_ACT : EXIT_UNEXPECTED;
