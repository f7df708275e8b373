"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { userListSchema } from "@/lib/access/contract/admin";

export const usersQueryKey = ["admin", "users"] as const;

export function useUsersQuery() {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => fetchJson("/api/dashboard/users", userListSchema) });
}
