"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { usersQueryKey } from "@/lib/client/useUsersQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";
import type { UserView } from "@/lib/access/admin/users";
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
    mutationFn: (input: NewUser) => fetchJson<UserView>("/api/dashboard/users", { method: "POST", body: JSON.stringify(input) }),
    onSuccess,
  });
}

export function useChangeRoleMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      fetchJson<UserView>(`/api/dashboard/users/${id}`, { method: "PATCH", body: JSON.stringify({ role }) }),
    onSuccess,
  });
}

export function useResetPasswordMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      fetchJson<{ id: string }>(`/api/dashboard/users/${id}/password`, { method: "POST", body: JSON.stringify({ password }) }),
    onSuccess,
  });
}

export function useDeleteUserMutation() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => fetchJson<{ deleted: string }>(`/api/dashboard/users/${id}`, { method: "DELETE" }),
    onSuccess,
  });
}
