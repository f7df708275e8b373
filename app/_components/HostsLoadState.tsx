"use client";
// Loading and error states of a dashboard query, with the API's error message (FetchError) when there is one.
import { FetchError } from "@/lib/client/fetchJson";

export function errorText(error: Error): string {
  if (error instanceof FetchError) return `${error.message} (HTTP ${error.status}, ${error.code})`;
  return error.message || "request failed";
}

/** Renders nothing once the data is there; `what` names it for the user ("KMS hosts"). */
export function LoadState({ isPending, error, what }: { isPending: boolean; error: Error | null; what: string }) {
  if (error) {
    return (
      <p className="error" role="alert">
        Could not load {what}: {errorText(error)}
      </p>
    );
  }
  if (isPending) return <p className="muted">Loading {what}…</p>;
  return null;
}
