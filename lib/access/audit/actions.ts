// The audit vocabulary and how an entry reads in the UI. Pure, so the wording is unit-tested.

export const auditActions = [
  "host.approve",
  "host.unapprove",
  "channel.intend",
  "channel.unintend",
  "agent.revoke",
  "agent.rotate",
  "enroll_secret.rotate",
  "user.create",
  "user.role_change",
  "user.password_reset",
  "user.delete",
  "auth.lockout",
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditTargetKind = "approved_host" | "intended_channel" | "agent" | "enroll_secret" | "user" | "client_address";

/** JSON-safe details: only what helps a reader later, never a secret or a password. */
export type AuditDetails = Record<string, string | number | boolean | null>;

const str = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "?");

/** One line a person can read, e.g. "changed the role of a@b.c from viewer to admin". */
export function describeAudit(action: string, details: Record<string, unknown>): string {
  switch (action) {
    case "host.approve":
      return `approved KMS host ${str(details.host)}`;
    case "host.unapprove":
      return `removed ${str(details.host)} from the approved KMS hosts`;
    case "channel.intend":
      return `marked ${str(details.intent)} (no GVLK advice for those machines)`;
    case "channel.unintend":
      return `removed the intended channel "${str(details.intent)}"`;
    case "agent.revoke":
      return `revoked the agent token ${str(details.tokenPrefix)}… of ${str(details.fqdn)}`;
    case "agent.rotate":
      return `rotated the agent token of ${str(details.fqdn)}: ${str(details.oldTokenPrefix)}… revoked, ${str(details.newTokenPrefix)}… issued`;
    case "enroll_secret.rotate":
      return `rotated the enroll secret (new ${str(details.prefix)}…; previous secrets expire in ${str(details.overlapDays)} day(s))`;
    case "user.create":
      return `created ${str(details.role)} ${str(details.email)}`;
    case "user.role_change":
      return `changed the role of ${str(details.email)} from ${str(details.from)} to ${str(details.to)}`;
    case "user.password_reset":
      return `reset the password of ${str(details.email)}`;
    case "user.delete":
      return `deleted ${str(details.role)} ${str(details.email)}`;
    case "auth.lockout":
      return `locked ${str(details.what)} for ${str(details.seconds)} s after ${str(details.failures)} failed ${str(details.attempt)} attempt(s)`;
    default:
      return action;
  }
}

/** Every detail an entry's sentence may name; one an older entry lacks reads "?", as in describeAudit. */
const AUDIT_FIELDS = [
  "host",
  "intent",
  "tokenPrefix",
  "fqdn",
  "oldTokenPrefix",
  "newTokenPrefix",
  "prefix",
  "overlapDays",
  "role",
  "email",
  "from",
  "to",
  "what",
  "seconds",
  "failures",
  "attempt",
] as const;

/**
 * An entry's sentence for the dashboard to say in the user's language: its catalogue key under
 * admin.auditLog.action ("user.role_change" → "user_role_change") and its values; null for an unknown action.
 */
export function auditMessage(action: string, details: Record<string, unknown>) {
  if (!(auditActions as readonly string[]).includes(action)) return null;
  const values = Object.fromEntries(AUDIT_FIELDS.map((field) => [field, str(details[field])])) as Record<
    (typeof AUDIT_FIELDS)[number],
    string
  >;
  return { key: action.replace(/\./g, "_") as AuditMessageKey, values };
}
export type AuditMessageKey = { [A in AuditAction]: A extends `${infer K}.${infer V}` ? `${K}_${V}` : never }[AuditAction];
