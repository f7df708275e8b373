// Server configuration, checked once with zod so a bad value fails at start-up with a clear message.
import { z } from "zod";

const MB = 1024 * 1024;

/** Raw text is deleted with its parsed rows at the latest, so it may not be kept longer than them (0 = forever). */
function retentionIsConsistent(e: { KMSWATCH_RETAIN_RAW_DAYS: number; KMSWATCH_RETAIN_HISTORY_DAYS: number }): boolean {
  return (
    e.KMSWATCH_RETAIN_HISTORY_DAYS === 0 ||
    (e.KMSWATCH_RETAIN_RAW_DAYS !== 0 && e.KMSWATCH_RETAIN_RAW_DAYS <= e.KMSWATCH_RETAIN_HISTORY_DAYS)
  );
}

/** docker-compose passes unset variables as "": treat them as absent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * Admission control of agent check-ins: running at once, waiting, longest wait (lib/access/http/admission.ts),
 * and the Retry-After of a refusal. The production server (scripts/lib/front-server.mjs) admits at most
 * CONCURRENCY + QUEUE check-ins into Next.js and answers the rest 503 at once. Apart so that the server's
 * launcher reads the same values without the rest of the configuration.
 */
export const agentAdmissionSchema = z.object({
  KMSWATCH_AGENT_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  KMSWATCH_AGENT_QUEUE: z.coerce.number().int().min(0).max(100_000).default(0),
  KMSWATCH_AGENT_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  /** Retry-After of an agent request refused as overloaded (503); agents add up to as much again of jitter. */
  KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});

export const envSchema = z
  .object({
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm run dev/start set it for the embedded database)"),
    KMSWATCH_ENROLL_SECRET: optional(z.string().min(8, "KMSWATCH_ENROLL_SECRET must be at least 8 characters")),
    KMSWATCH_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(5 * MB),
    /** Worker threads parsing large ingest bodies; unset: one per core beside the event loop (1–4); 0: none. */
    KMSWATCH_PARSE_THREADS: optional(z.coerce.number().int().min(0).max(64)),
    ...agentAdmissionSchema.shape,
    /** Retention (lib/evaluate/jobs/retention.ts): raw text (raw artifacts, events' XML) and parsed history, in days; 0 keeps forever. */
    KMSWATCH_RETAIN_RAW_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
    KMSWATCH_RETAIN_HISTORY_DAYS: z.coerce.number().int().min(0).max(36_500).default(400),
    KMSWATCH_SESSION_SECRET: z.string().min(32, "KMSWATCH_SESSION_SECRET must be at least 32 characters"),
    KMSWATCH_COOKIE_SECURE: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    KMSWATCH_ADMIN_EMAIL: optional(z.email("KMSWATCH_ADMIN_EMAIL must be an e-mail address")),
    KMSWATCH_ADMIN_PASSWORD: optional(z.string().min(8, "KMSWATCH_ADMIN_PASSWORD must be at least 8 characters")),
    /** Comma-separated KMS host names approved on first start (editable in the audit page afterwards). */
    KMSWATCH_APPROVED_HOSTS: z.string().default(""),
    /** Bearer token Prometheus sends to GET /metrics; unset: /metrics is disabled. */
    KMSWATCH_METRICS_TOKEN: optional(z.string().min(16, "KMSWATCH_METRICS_TOKEN must be at least 16 characters")),
    /** Alert e-mails: default SMTP server (smtp://user:pass@host:587) and sender; a channel may set its own. */
    KMSWATCH_SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "KMSWATCH_SMTP_URL must be an smtp:// or smtps:// URL" })),
    KMSWATCH_SMTP_FROM: optional(z.string().min(3)),
    /** Dashboard address used in notification links; defaults to http://localhost:PORT. */
    KMSWATCH_PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: "KMSWATCH_PUBLIC_URL must be an http(s) URL" })),
    /** Wrong passwords for one account within KMSWATCH_LOCKOUT_SECONDS before it is locked for that long. */
    KMSWATCH_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** Failed sign-ins from one client address (any accounts) within the window before the address is locked. */
    KMSWATCH_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Wrong enroll secrets from one client address within the window before the address is locked. */
    KMSWATCH_ENROLL_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
    /** The counting window and the lock duration of the limits above, in seconds. */
    KMSWATCH_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .refine(retentionIsConsistent, {
    path: ["KMSWATCH_RETAIN_RAW_DAYS"],
    message: "KMSWATCH_RETAIN_RAW_DAYS must not exceed KMSWATCH_RETAIN_HISTORY_DAYS (raw text is deleted with its parsed rows)",
  });
export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  cached = result.data;
  return cached;
}
