"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { channelTestResultSchema, channelViewSchema } from "@/lib/evaluate/contract/settings";
import { deletedSchema } from "@/lib/access/contract/admin";
import type { CreateChannelInput } from "@/lib/evaluate/notify/channels";
import type { Locale } from "@/lib/core/locales";

type Change =
  | { op: "create"; input: CreateChannelInput }
  | { op: "update"; id: string; enabled?: boolean; name?: string; locale?: Locale }
  | { op: "delete"; id: string }
  | { op: "test"; id: string };

const base = "/api/dashboard/notifications/channels";

function send(change: Change): Promise<unknown> {
  switch (change.op) {
    case "create":
      return fetchJson(base, channelViewSchema, { method: "POST", body: JSON.stringify(change.input) });
    case "update":
      return fetchJson(`${base}/${change.id}`, channelViewSchema, {
        method: "PATCH",
        body: JSON.stringify({ enabled: change.enabled, name: change.name, locale: change.locale }),
      });
    case "delete":
      return fetchJson(`${base}/${change.id}`, deletedSchema, { method: "DELETE" });
    case "test":
      return fetchJson(`${base}/${change.id}/test`, channelTestResultSchema, { method: "POST" });
  }
}

/** Admins only. Every change refreshes channels and the delivery log (a test adds a delivery). */
export function useNotificationChannelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
