"use client";
// The notification settings page reads two lists: the channels and the log of their deliveries.
import { channelListSchema, deliveryListSchema } from "@/lib/evaluate/contract/settings";
import { useApiQuery } from "@/lib/client/apiHooks";

export function useNotificationChannelsQuery() {
  return useApiQuery(["notifications", "channels"], "/api/dashboard/notifications/channels", channelListSchema);
}

/** Refreshed every 15 s: retries happen in the background and the log should show them. */
export function useNotificationDeliveriesQuery() {
  return useApiQuery(["notifications", "deliveries"], "/api/dashboard/notifications/deliveries?limit=100", deliveryListSchema, {
    refetchInterval: 15_000,
  });
}
