"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { UserView } from "@/lib/access/admin/users";

export const usersQueryKey = ["admin", "users"] as const;

export function useUsersQuery() {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => fetchJson<{ users: UserView[] }>("/api/dashboard/users") });
}
