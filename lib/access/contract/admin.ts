// Answers of the admin API (users, agents, enroll secrets, audit log, approved hosts, the signed-in user): the
// contract the routes answer through and the hooks parse with. In the access stage because the access functions
// that produce these answers (lib/access/admin, lib/access/audit) may only import their own stage and earlier;
// pure zod, not server-only, so the browser's hooks import it too.
import { z } from "zod";
import { isoSchema } from "@/lib/kms/finding";
import { LOCALES } from "@/lib/core/locales";
import { roleSchema } from "@/lib/access/admin/userRules";

export const signedInUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: z.enum(LOCALES).nullable(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;
export const meResponseSchema = z.object({ user: signedInUserSchema });
export const localeResponseSchema = z.object({ locale: z.enum(LOCALES) });

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: isoSchema,
  lastSignInAt: isoSchema.nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;
export const userListSchema = z.object({ users: z.array(userViewSchema) });
export const passwordResetSchema = z.object({ id: z.string() });
export const deletedSchema = z.object({ deleted: z.string() });

/** Where a paged list is: `total` rows in all, this `page` of `pageSize`. */
const pageFields = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };

const machineRoleSchema = z.enum(["unknown", "kms_host", "client"]);
export const agentRowSchema = z.object({
  id: z.string(),
  machineId: z.string(),
  fqdn: z.string(),
  role: machineRoleSchema,
  agentVersion: z.string().nullable(),
  tokenPrefix: z.string(),
  enrolledAt: isoSchema,
  lastSeenAt: isoSchema.nullable(),
  revokedAt: isoSchema.nullable(),
});
export type AgentRow = z.infer<typeof agentRowSchema>;
export const agentListSchema = z.object({ agents: z.array(agentRowSchema), ...pageFields });
export type AgentList = z.infer<typeof agentListSchema>;
export const revokedAgentSchema = z.object({ id: z.string(), revokedAt: isoSchema });
/** The new token is in this answer only: the page shows it once and never stores it. */
export const rotatedAgentSchema = z.object({
  previousAgentId: z.string(),
  agentId: z.string(),
  fqdn: z.string(),
  token: z.string(),
  tokenPrefix: z.string(),
  enrolledAt: isoSchema,
});
export type RotatedAgent = z.infer<typeof rotatedAgentSchema>;

export const enrollSecretListSchema = z.object({
  environment: z.object({ configured: z.boolean(), expiresAt: isoSchema.nullable(), valid: z.boolean() }),
  secrets: z.array(
    z.object({
      id: z.string(),
      prefix: z.string(),
      source: z.enum(["environment", "rotation"]),
      isCurrentEnvSecret: z.boolean(),
      createdAt: isoSchema,
      expiresAt: isoSchema.nullable(),
      createdBy: z.string().nullable(),
      valid: z.boolean(),
    }),
  ),
  enrollmentEnabled: z.boolean(),
});
export type EnrollSecretList = z.infer<typeof enrollSecretListSchema>;
export const rotatedEnrollSecretSchema = z.object({
  id: z.string(),
  secret: z.string(),
  prefix: z.string(),
  createdAt: isoSchema,
  previousExpireAt: isoSchema,
});
export type RotatedEnrollSecret = z.infer<typeof rotatedEnrollSecretSchema>;

export const auditLogEntrySchema = z.object({
  id: z.string(),
  at: isoSchema,
  actorId: z.string().nullable(),
  actorEmail: z.string(),
  action: z.string(),
  targetKind: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  summary: z.string(),
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;
export const auditLogPageSchema = z.object({ entries: z.array(auditLogEntrySchema), ...pageFields });
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;

export const approvedHostSchema = z.object({ id: z.string(), host: z.string() });
export const removedSchema = z.object({ removed: z.string() });
