"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { HostListRow } from "@/lib/read/hosts/getHostList";

export type HostList = { hosts: HostListRow[] };

export function useHostsQuery() {
  return useQuery({ queryKey: ["hosts"], queryFn: () => fetchJson<HostList>("/api/dashboard/hosts") });
}
