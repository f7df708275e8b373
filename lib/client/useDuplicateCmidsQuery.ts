"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { DuplicateCmidGroup } from "@/lib/read/fleet/getDuplicateCmids";

export type DuplicateCmidsResponse = { groups: DuplicateCmidGroup[]; fix: string };

export function useDuplicateCmidsQuery() {
  return useQuery({
    queryKey: ["duplicate-cmids"],
    queryFn: () => fetchJson<DuplicateCmidsResponse>("/api/dashboard/duplicate-cmids"),
  });
}
