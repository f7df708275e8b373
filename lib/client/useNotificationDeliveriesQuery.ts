"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { DeliveryView } from "@/lib/evaluate/notify/listDeliveries";

export const notificationDeliveriesKey = ["notifications", "deliveries"] as const;

/** Refreshed every 15 s: retries happen in the background and the log should show them. */
export function useNotificationDeliveriesQuery() {
  return useQuery({
    queryKey: notificationDeliveriesKey,
    queryFn: () => fetchJson<{ deliveries: DeliveryView[] }>("/api/dashboard/notifications/deliveries?limit=100"),
    refetchInterval: 15_000,
  });
}
