"use client";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { parseResponseSchema, type ParseRequest } from "@/lib/kms/protocol";

/** Parses one pasted artifact on the server; nothing is stored. A 422 comes back as FetchError "unparseable". */
export function useParseMutation() {
  return useMutation({
    mutationFn: (request: ParseRequest) =>
      fetchJson("/api/v1/parse", parseResponseSchema, { method: "POST", body: JSON.stringify(request) }),
  });
}
