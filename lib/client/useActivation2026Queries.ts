"use client";
// Queries of the "activation in 2026" sections: a host, a client, the fleet, and machines by activation type.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import {
  activationTypeListSchema,
  clientActivation2026Schema,
  fleetActivation2026Schema,
  hostActivation2026Schema,
} from "@/lib/read/contract/activation2026";
import type { ActivationType } from "@/lib/kms/activationType";

export function useHostActivation2026Query(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId, "activation2026"],
    queryFn: () => fetchJson(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/activation2026`, hostActivation2026Schema),
  });
}

export function useClientActivation2026Query(clientId: string) {
  return useQuery({
    queryKey: ["clients", clientId, "activation2026"],
    queryFn: () => fetchJson(`/api/dashboard/clients/${encodeURIComponent(clientId)}/activation2026`, clientActivation2026Schema),
  });
}

export function useFleetActivation2026Query() {
  // A fleet-wide grouping: hardware and keys change rarely, so the overview does not rerun it on every visit.
  return useQuery({
    queryKey: ["activation2026"],
    queryFn: () => fetchJson("/api/dashboard/activation2026", fleetActivation2026Schema),
    staleTime: 5 * 60_000,
  });
}

export function useActivationTypeMachinesQuery(type: ActivationType | null) {
  return useQuery({
    queryKey: ["activation2026", "machines", type],
    queryFn: () => fetchJson(`/api/dashboard/activation2026/machines?type=${type}`, activationTypeListSchema),
    enabled: type !== null,
  });
}
