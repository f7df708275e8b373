"use client";
// The "intended channels" setting (MAK by intent): list, add, remove (admins).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { intendedChannelListSchema, intendedChannelViewSchema } from "@/lib/evaluate/contract/settings";
import { removedSchema } from "@/lib/access/contract/admin";
import type { IntendedChannelInput } from "@/lib/kms/intendedChannels";

const base = "/api/dashboard/settings/intended-channels";
const key = ["settings", "intended-channels"] as const;

export function useIntendedChannelsQuery() {
  return useQuery({ queryKey: key, queryFn: () => fetchJson(base, intendedChannelListSchema) });
}

type Change = { op: "add"; input: IntendedChannelInput } | { op: "remove"; id: string };

export function useIntendedChannelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: Change) =>
      change.op === "add"
        ? await fetchJson(base, intendedChannelViewSchema, { method: "POST", body: JSON.stringify(change.input) })
        : await fetchJson(`${base}?id=${encodeURIComponent(change.id)}`, removedSchema, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
