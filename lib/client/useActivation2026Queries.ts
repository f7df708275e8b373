"use client";
// Queries of the "activation in 2026" sections: a host, a client, the fleet, and machines by activation type.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { ActivationType } from "@/lib/kms/activationType";
import type { ClientActivation2026 } from "@/lib/read/activation2026/getClientActivation2026";
import type { FleetActivation2026 } from "@/lib/read/activation2026/getFleetActivation2026";
import type { HostActivation2026 } from "@/lib/read/activation2026/getHostActivation2026";
import type { ActivationTypeList } from "@/lib/read/activation2026/listByActivationType";

export function useHostActivation2026Query(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId, "activation2026"],
    queryFn: () => fetchJson<HostActivation2026>(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/activation2026`),
  });
}

export function useClientActivation2026Query(clientId: string) {
  return useQuery({
    queryKey: ["clients", clientId, "activation2026"],
    queryFn: () => fetchJson<ClientActivation2026>(`/api/dashboard/clients/${encodeURIComponent(clientId)}/activation2026`),
  });
}

export function useFleetActivation2026Query() {
  // A fleet-wide grouping: hardware and keys change rarely, so the overview does not rerun it on every visit.
  return useQuery({
    queryKey: ["activation2026"],
    queryFn: () => fetchJson<FleetActivation2026>("/api/dashboard/activation2026"),
    staleTime: 5 * 60_000,
  });
}

export function useActivationTypeMachinesQuery(type: ActivationType | null) {
  return useQuery({
    queryKey: ["activation2026", "machines", type],
    queryFn: () => fetchJson<ActivationTypeList>(`/api/dashboard/activation2026/machines?type=${type}`),
    enabled: type !== null,
  });
}
