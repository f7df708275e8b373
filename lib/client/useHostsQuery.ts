"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostListSchema } from "@/lib/read/contract/hosts";

export function useHostsQuery() {
  return useQuery({ queryKey: ["hosts"], queryFn: () => fetchJson("/api/dashboard/hosts", hostListSchema) });
}
