"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { channelListSchema } from "@/lib/evaluate/contract/settings";

export const notificationChannelsKey = ["notifications", "channels"] as const;

export function useNotificationChannelsQuery() {
  return useQuery({
    queryKey: notificationChannelsKey,
    queryFn: () => fetchJson("/api/dashboard/notifications/channels", channelListSchema),
  });
}
