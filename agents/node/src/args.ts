// Command-line flags: node:util parseArgs for the syntax, zod for the meaning, one clear error each.
import { parseArgs } from "node:util";
import path from "node:path";
import { z } from "zod";

export type AgentOptions = {
  server: string | null;
  enrollSecret: string | null;
  stateDir: string;
  fromDir: string | null;
  fqdn: string | null;
  once: boolean;
  interval: number;
  dryRun: boolean;
  maxRunSeconds: number;
  spoolMaxBytes: number;
  spoolMaxAgeMs: number;
  probe: boolean;
};

export class UsageError extends Error {}

export const USAGE = `usage: kmswatch-agent --server URL [--enroll-secret S] [options]
  --server URL              kmswatch server (https://...)
  --enroll-secret S         shared secret to enroll (only needed until a token is saved)
  --state-dir DIR           token, bookmarks and spool (default: %ProgramData%\\kmswatch on Windows, ./.kmswatch/agent elsewhere)
  --from-dir DIR            read captured artifacts from DIR instead of collecting (required off Windows)
  --fqdn NAME               machine FQDN to enroll with (default: hostname + domain when known)
  --once                    run once and exit (default: loop every --interval seconds)
  --interval SECONDS        seconds between runs when looping (default 3600)
  --dry-run                 print the payload JSON; send nothing, change no state
  --max-run-seconds N       give up a run after N seconds (default 300)
  --spool-max-mb N          drop the oldest spooled payloads above N MB (default 50)
  --spool-max-age-days N    drop spooled payloads older than N days (default 14)
  --no-probe                skip the DNS SRV + TCP reachability probe
  --help                    this text`;

const positive = (name: string) => z.coerce.number({ error: `${name} must be a number` }).positive(`${name} must be > 0`);

const flagsSchema = z
  .object({
    server: z.url({ protocol: /^https?$/, error: "--server must be an http(s) URL, e.g. https://kmswatch.example.com" }).optional(),
    "enroll-secret": z.string().min(1, "--enroll-secret must not be empty").optional(),
    "state-dir": z.string().min(1).optional(),
    "from-dir": z.string().min(1).optional(),
    fqdn: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, "--fqdn must be a host name")
      .optional(),
    once: z.boolean().default(false),
    interval: positive("--interval").default(3600),
    "dry-run": z.boolean().default(false),
    "max-run-seconds": positive("--max-run-seconds").default(300),
    "spool-max-mb": positive("--spool-max-mb").default(50),
    "spool-max-age-days": positive("--spool-max-age-days").default(14),
    "no-probe": z.boolean().default(false),
  })
  .refine((f) => f["dry-run"] || f.server, { message: "--server is required (except with --dry-run)", path: ["server"] });

export function defaultStateDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, cwd: string): string {
  if (platform === "win32") return path.win32.join(env.ProgramData ?? "C:\\ProgramData", "kmswatch");
  return path.join(cwd, ".kmswatch", "agent");
}

/** Returns the options, or null when --help was asked; throws UsageError with one line per problem. */
export function parseAgentArgs(
  argv: string[],
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): AgentOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: "string" },
        "enroll-secret": { type: "string" },
        "state-dir": { type: "string" },
        "from-dir": { type: "string" },
        fqdn: { type: "string" },
        once: { type: "boolean" },
        interval: { type: "string" },
        "dry-run": { type: "boolean" },
        "max-run-seconds": { type: "string" },
        "spool-max-mb": { type: "string" },
        "spool-max-age-days": { type: "string" },
        "no-probe": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("\n"));
  const f = parsed.data;
  if (!f["from-dir"] && platform !== "win32") {
    throw new UsageError("--from-dir is required off Windows (live collection needs PowerShell, slmgr.vbs and wevtutil)");
  }
  return {
    server: f.server ? f.server.replace(/\/+$/, "") : null,
    enrollSecret: f["enroll-secret"] ?? null,
    stateDir: path.resolve(cwd, f["state-dir"] ?? defaultStateDir(platform, env, cwd)),
    fromDir: f["from-dir"] ? path.resolve(cwd, f["from-dir"]) : null,
    fqdn: f.fqdn ?? null,
    once: f.once,
    interval: f.interval,
    dryRun: f["dry-run"],
    maxRunSeconds: f["max-run-seconds"],
    spoolMaxBytes: Math.round(f["spool-max-mb"] * 1024 * 1024),
    spoolMaxAgeMs: Math.round(f["spool-max-age-days"] * 86_400_000),
    probe: !f["no-probe"],
  };
}
