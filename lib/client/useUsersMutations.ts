"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { deletedSchema, passwordResetSchema, userViewSchema } from "@/lib/access/contract/admin";
import { usersQueryKey } from "@/lib/client/useUsersQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";
import type { Role } from "@/lib/access/admin/userRules";

export type NewUser = { email: string; name: string; role: Role; password: string };

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      queryClient.invalidateQueries({ queryKey: auditLogQueryKey }),
      // Changing one's own role changes what the pages offer.
      queryClient.invalidateQueries({ queryKey: ["me"] }),
    ]);
}

export function useCreateUserMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: NewUser) => fetchJson("/api/dashboard/users", userViewSchema, { method: "POST", body: JSON.stringify(input) }),
    onSuccess,
  });
}

export function useChangeRoleMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      fetchJson(`/api/dashboard/users/${id}`, userViewSchema, { method: "PATCH", body: JSON.stringify({ role }) }),
    onSuccess,
  });
}

export function useResetPasswordMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      fetchJson(`/api/dashboard/users/${id}/password`, passwordResetSchema, { method: "POST", body: JSON.stringify({ password }) }),
    onSuccess,
  });
}

export function useDeleteUserMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => fetchJson(`/api/dashboard/users/${id}`, deletedSchema, { method: "DELETE" }),
    onSuccess,
  });
}
