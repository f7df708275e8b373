"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { duplicateCmidsSchema } from "@/lib/read/contract/fleet";

export function useDuplicateCmidsQuery() {
  return useQuery({
    queryKey: ["duplicate-cmids"],
    queryFn: () => fetchJson("/api/dashboard/duplicate-cmids", duplicateCmidsSchema),
  });
}
