"use client";
import { fetchJson } from "@/lib/client/fetchJson";
import { deletedSchema, passwordResetSchema, userViewSchema } from "@/lib/access/contract/admin";
import { useApiMutation } from "@/lib/client/apiHooks";
import { usersQueryKey } from "@/lib/client/useUsersQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";
import type { Role } from "@/lib/access/admin/userRules";

export type NewUser = { email: string; name: string; role: Role; password: string };

// Changing one's own role changes what the pages offer ("me").
const staleAfterChange = [usersQueryKey, auditLogQueryKey, ["me"]];

export function useCreateUserMutation() {
  return useApiMutation(
    (input: NewUser) => fetchJson("/api/dashboard/users", userViewSchema, { method: "POST", body: JSON.stringify(input) }),
    staleAfterChange,
  );
}

export function useChangeRoleMutation() {
  return useApiMutation(
    ({ id, role }: { id: string; role: Role }) =>
      fetchJson(`/api/dashboard/users/${id}`, userViewSchema, { method: "PATCH", body: JSON.stringify({ role }) }),
    staleAfterChange,
  );
}

export function useResetPasswordMutation() {
  return useApiMutation(
    ({ id, password }: { id: string; password: string }) =>
      fetchJson(`/api/dashboard/users/${id}/password`, passwordResetSchema, { method: "POST", body: JSON.stringify({ password }) }),
    staleAfterChange,
  );
}

export function useDeleteUserMutation() {
  return useApiMutation((id: string) => fetchJson(`/api/dashboard/users/${id}`, deletedSchema, { method: "DELETE" }), staleAfterChange);
}
