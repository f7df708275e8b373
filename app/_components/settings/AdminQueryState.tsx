"use client";
// Settings pages are for administrators: a viewer's 403 becomes an explanation, not a failure.
import { FetchError } from "@/lib/client/fetchJson";
import { ErrorMessage } from "@/app/_components/clients/QueryState";

export function AdminOnlyMessage() {
  return (
    <div className="card" role="alert">
      <p>
        <span className="badge warning">administrators only</span> This page manages agents, users and enrollment. Your account is a viewer:
        you can read every dashboard, but only a kmswatch administrator can see or change these settings.
      </p>
      <p className="muted small">Ask an administrator to change your role if you need access.</p>
    </div>
  );
}

export function AdminQueryError({ error, what, onRetry }: { error: Error; what: string; onRetry: () => void }) {
  if (error instanceof FetchError && error.status === 403) return <AdminOnlyMessage />;
  return <ErrorMessage error={error} what={what} onRetry={onRetry} />;
}
