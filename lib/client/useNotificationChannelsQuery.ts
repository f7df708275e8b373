"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { ChannelView } from "@/lib/evaluate/notify/listChannels";

export const notificationChannelsKey = ["notifications", "channels"] as const;

export function useNotificationChannelsQuery() {
  return useQuery({
    queryKey: notificationChannelsKey,
    queryFn: () => fetchJson<{ channels: ChannelView[] }>("/api/dashboard/notifications/channels"),
  });
}
