// Pure rules of user administration, kept apart so they are unit-tested without a database.
import { z } from "zod";

export type Role = "admin" | "viewer";

export const roleSchema = z.enum(["admin", "viewer"]);
export const passwordSchema = z.string().min(8, "the password must be at least 8 characters").max(1024);

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email("must be an e-mail address")),
  name: z.string().trim().min(1, "name is required").max(200),
  role: roleSchema,
  password: passwordSchema,
});
export const changeRoleSchema = z.object({ role: roleSchema });
export const resetPasswordSchema = z.object({ password: passwordSchema });

/** Why a change is refused, or null when it is allowed. There must always remain one admin. */
export function roleChangeProblem(target: { role: Role }, newRole: Role, adminCount: number): string | null {
  if (target.role === "admin" && newRole !== "admin" && adminCount <= 1) {
    return "this is the last administrator: make another user an administrator first";
  }
  return null;
}

export function deleteProblem(actorId: string, target: { id: string; role: Role }, adminCount: number): string | null {
  if (target.id === actorId) return "you cannot delete your own account: ask another administrator";
  if (target.role === "admin" && adminCount <= 1) return "this is the last administrator and cannot be deleted";
  return null;
}
