"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { revokedAgentSchema, rotatedAgentSchema } from "@/lib/access/contract/admin";
import { agentsQueryKey } from "@/lib/client/useAgentsQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";

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
    mutationFn: (agentId: string) => fetchJson(`/api/dashboard/agents/${agentId}/revoke`, revokedAgentSchema, { method: "POST" }),
    onSuccess,
  });
}

/** The answer holds the new token: the page shows it once and never stores it. */
export function useRotateAgentMutation() {
  const onSuccess = useInvalidateAgents();
  return useMutation({
    mutationFn: (agentId: string) => fetchJson(`/api/dashboard/agents/${agentId}/rotate`, rotatedAgentSchema, { method: "POST" }),
    onSuccess,
  });
}
