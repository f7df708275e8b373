"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { deliveryListSchema } from "@/lib/evaluate/contract/settings";

export const notificationDeliveriesKey = ["notifications", "deliveries"] as const;

/** Refreshed every 15 s: retries happen in the background and the log should show them. */
export function useNotificationDeliveriesQuery() {
  return useQuery({
    queryKey: notificationDeliveriesKey,
    queryFn: () => fetchJson("/api/dashboard/notifications/deliveries?limit=100", deliveryListSchema),
    refetchInterval: 15_000,
  });
}
