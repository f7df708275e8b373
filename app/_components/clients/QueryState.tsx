"use client";
// Loading and error states shared by the clients/alerts/audit/parse pages.
import { FetchError } from "@/lib/client/fetchJson";

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** What to do next depends on the status: 403 ask an admin, 404 go back, 5xx retry. */
function advice(error: Error): string {
  if (!(error instanceof FetchError)) return "Check your network connection and retry.";
  if (error.status === 403) return "Your account is not allowed to do this; ask a kmswatch administrator.";
  if (error.status === 404) return "It may have been removed, or the link is wrong.";
  if (error.status >= 500) return "The kmswatch server failed; retry, and check its logs if it persists.";
  return "";
}

export function ErrorMessage({ error, what, onRetry }: { error: Error; what: string; onRetry?: () => void }) {
  return (
    <div className="card" role="alert">
      <p className="error">
        Could not load {what}: {error.message}
      </p>
      <p className="muted small">{advice(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** Inline error of a mutation (approve, remove, parse): the API's message as is. */
export function InlineError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
      {error instanceof FetchError && error.status === 403 && !/admin/i.test(error.message) ? " (administrators only)" : ""}
    </p>
  );
}
