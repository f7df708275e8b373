"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";

export type AlertActionInput =
  | { id: string; action: "acknowledge" | "resolve"; note?: string }
  | { id: string; action: "snooze"; until: string; note?: string };

/** Admins only: a viewer gets a FetchError 403 whose message the page shows. */
export function useAlertActionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, ...body }: AlertActionInput) =>
      fetchJson(`/api/dashboard/alerts/${id}/${action}`, alertDetailSchema, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
}
