"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { HostForensics } from "@/lib/read/audit/getHostForensics";

/** Verdict, forensic signals and ePIDs served of every KMS host name, or of one (`host`, short name included). */
export function useHostForensicsQuery(host?: string) {
  const query = host ? `?host=${encodeURIComponent(host)}` : "";
  return useQuery({
    queryKey: ["audit", "forensics", host ?? null],
    queryFn: () => fetchJson<HostForensics>(`/api/dashboard/audit/forensics${query}`),
    enabled: host === undefined || host.length > 0,
  });
}
