"use client";
import { fetchJson } from "@/lib/client/fetchJson";
import { revokedAgentSchema, rotatedAgentSchema } from "@/lib/access/contract/admin";
import { useApiMutation } from "@/lib/client/apiHooks";
import { agentsQueryKey } from "@/lib/client/useAgentsQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";

const staleAfterChange = [agentsQueryKey, auditLogQueryKey];

export function useRevokeAgentMutation() {
  return useApiMutation(
    (agentId: string) => fetchJson(`/api/dashboard/agents/${agentId}/revoke`, revokedAgentSchema, { method: "POST" }),
    staleAfterChange,
  );
}

/** The answer holds the new token: the page shows it once and never stores it. */
export function useRotateAgentMutation() {
  return useApiMutation(
    (agentId: string) => fetchJson(`/api/dashboard/agents/${agentId}/rotate`, rotatedAgentSchema, { method: "POST" }),
    staleAfterChange,
  );
}
