"use client";
// The shapes the dashboard hooks share: a GET whose answer is parsed with its contract schema, and a change that
// refreshes, once it succeeds, every query it made stale (the audit log too, for an admin action).
import { type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "@/lib/client/fetchJson";

/** `refetchInterval`: for a list that changes in the background (delivery retries). */
export function useApiQuery<S extends z.ZodType>(queryKey: QueryKey, url: string, schema: S, options: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey, queryFn: () => fetchJson(url, schema), ...options });
}

/** Marks every query under these keys stale; the returned promise settles when the visible ones are fetched again. */
export function useInvalidate(queryKeys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useApiMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>, invalidates: readonly QueryKey[]) {
  const onSuccess = useInvalidate(invalidates);
  return useMutation({ mutationFn, onSuccess });
}
