"use client";
// The "intended channels" setting (MAK by intent): list, add, remove (admins).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { IntendedChannelView } from "@/lib/evaluate/intent/intendedChannels";
import type { IntendedChannelInput } from "@/lib/kms/intendedChannels";

const base = "/api/dashboard/settings/intended-channels";
const key = ["settings", "intended-channels"] as const;

export function useIntendedChannelsQuery() {
  return useQuery({ queryKey: key, queryFn: () => fetchJson<{ entries: IntendedChannelView[] }>(base) });
}

type Change = { op: "add"; input: IntendedChannelInput } | { op: "remove"; id: string };

export function useIntendedChannelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) =>
      change.op === "add"
        ? fetchJson<IntendedChannelView>(base, { method: "POST", body: JSON.stringify(change.input) })
        : fetchJson(`${base}?id=${encodeURIComponent(change.id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
