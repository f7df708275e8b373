// User administration from the dashboard. Changes that could remove the last admin run under one
// advisory lock, so two admins demoting each other at once cannot leave nobody in charge.
import type { z } from "zod";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { hashPassword } from "@/lib/access/auth/passwords";
import { recordAudit, type AuditActor } from "@/lib/access/audit/record";
import type { UserView } from "@/lib/access/contract/admin";

export type { UserView } from "@/lib/access/contract/admin";
import { deleteProblem, roleChangeProblem, type Role, type createUserSchema } from "@/lib/access/admin/userRules";

const USER_ADMIN_LOCK_KEY = 72_707_371;
type Tx = Prisma.TransactionClient;

const userSelect = { id: true, email: true, name: true, role: true, createdAt: true, lastSignInAt: true } as const;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;
const view = (u: UserRow): UserView => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});

export async function listUsers(): Promise<{ users: UserView[] }> {
  const users = await db().user.findMany({ orderBy: { email: "asc" }, select: userSelect });
  return { users: users.map(view) };
}

async function lockedTarget(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${USER_ADMIN_LOCK_KEY})::text AS locked`;
  const target = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!target) throw new ApiError("not_found", "no such user", "id");
  const adminCount = await tx.user.count({ where: { role: "admin" } });
  return { target, adminCount };
}

export async function createDashboardUser(input: z.infer<typeof createUserSchema>, actor: AuditActor): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: userSelect,
      });
      await recordAudit(tx, {
        actor,
        action: "user.create",
        targetKind: "user",
        targetId: user.id,
        details: { email: user.email, role: user.role },
      });
      return view(user);
    });
  } catch (error) {
    // The unique index on email is the check: no read-then-insert race.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("invalid_request", "a user with this e-mail already exists", "email");
    }
    throw error;
  }
}

export async function changeUserRole(id: string, role: Role, actor: AuditActor): Promise<UserView> {
  return db().$transaction(async (tx) => {
    const { target, adminCount } = await lockedTarget(tx, id);
    const problem = roleChangeProblem(target, role, adminCount);
    if (problem) throw new ApiError("invalid_request", problem, "role");
    if (target.role === role) return view(target);
    const user = await tx.user.update({ where: { id }, data: { role }, select: userSelect });
    // Their open sessions end: the user signs in again and sees the dashboard their new role allows.
    await tx.userSession.deleteMany({ where: { userId: id } });
    await recordAudit(tx, {
      actor,
      action: "user.role_change",
      targetKind: "user",
      targetId: id,
      details: { email: user.email, from: target.role, to: role },
    });
    return view(user);
  });
}

/** The user's open sessions end at once (on every replica): whoever held the old password is out. */
export async function resetUserPassword(id: string, password: string, actor: AuditActor): Promise<{ id: string }> {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id }, select: { id: true, email: true } });
    if (!target) throw new ApiError("not_found", "no such user", "id");
    await tx.user.update({ where: { id }, data: { passwordHash }, select: { id: true } });
    await tx.userSession.deleteMany({ where: { userId: id } });
    await recordAudit(tx, { actor, action: "user.password_reset", targetKind: "user", targetId: id, details: { email: target.email } });
    return { id };
  });
}

export async function deleteUser(id: string, actor: AuditActor): Promise<{ deleted: string }> {
  return db().$transaction(async (tx) => {
    const { target, adminCount } = await lockedTarget(tx, id);
    const problem = deleteProblem(actor.id, target, adminCount);
    if (problem) throw new ApiError("invalid_request", problem, "id");
    // The entry names the user by e-mail, since its target id will point at nothing; what the user
    // created (approved hosts, secrets, audit entries) stays, with a NULL creator (ON DELETE SET NULL).
    await recordAudit(tx, {
      actor,
      action: "user.delete",
      targetKind: "user",
      targetId: id,
      details: { email: target.email, role: target.role },
    });
    // Its sessions go with it (user_session rows cascade).
    await tx.user.delete({ where: { id }, select: { id: true } });
    return { deleted: id };
  });
}
