// One place for the version string both the payload (agentVersion) and --help show.
export const AGENT_VERSION = "node-1.0.0";
export const LOG_PREFIX = "[kmswatch-agent]";

/** Logs go to stderr so that --dry-run can keep stdout for the payload JSON alone. */
export function log(message: string): void {
  console.error(`${LOG_PREFIX} ${message}`);
}
