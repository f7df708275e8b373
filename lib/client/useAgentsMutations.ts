"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { agentsQueryKey } from "@/lib/client/useAgentsQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";
import type { RotatedAgent } from "@/lib/access/admin/agentList";

function useInvalidateAgents() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: agentsQueryKey }),
      queryClient.invalidateQueries({ queryKey: auditLogQueryKey }),
    ]);
}

export function useRevokeAgentMutation() {
  const onSuccess = useInvalidateAgents();
  return useMutation({
    mutationFn: (agentId: string) =>
      fetchJson<{ id: string; revokedAt: string }>(`/api/dashboard/agents/${agentId}/revoke`, { method: "POST" }),
    onSuccess,
  });
}

/** The answer holds the new token: the page shows it once and never stores it. */
export function useRotateAgentMutation() {
  const onSuccess = useInvalidateAgents();
  return useMutation({
    mutationFn: (agentId: string) => fetchJson<RotatedAgent>(`/api/dashboard/agents/${agentId}/rotate`, { method: "POST" }),
    onSuccess,
  });
}
