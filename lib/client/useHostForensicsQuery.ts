"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostForensicsSchema } from "@/lib/read/contract/fleet";

/** Verdict, forensic signals and ePIDs served of every KMS host name, or of one (`host`, short name included). */
export function useHostForensicsQuery(host?: string) {
  const query = host ? `?host=${encodeURIComponent(host)}` : "";
  return useQuery({
    queryKey: ["audit", "forensics", host ?? null],
    queryFn: () => fetchJson(`/api/dashboard/audit/forensics${query}`, hostForensicsSchema),
    enabled: host === undefined || host.length > 0,
  });
}
