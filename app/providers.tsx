"use client";
// TanStack Query defaults, set once for every dashboard hook.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { FetchError } from "@/lib/client/fetchJson";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchInterval: 60_000,
            refetchOnWindowFocus: true,
            // 4xx answers will not change on retry; network blips and 5xx might.
            retry: (failures, error) => !(error instanceof FetchError && error.status < 500) && failures < 2,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
