"use client";
// The raw /dlv text or CIM JSON of a snapshot, exactly as the agent sent it.
import { useRawArtifactQuery } from "@/lib/client/useRawArtifactQuery";
import { formatDateTime } from "@/lib/present/format/expiry";
import { ErrorMessage, Loading } from "./QueryState";

function pretty(type: string, body: string): string {
  if (type !== "cim") return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function RawTextViewer({ rawId }: { rawId: string }) {
  const query = useRawArtifactQuery(rawId);
  if (query.isPending) return <Loading what="the raw text" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the raw text" onRetry={() => void query.refetch()} />;
  const raw = query.data;
  return (
    <div>
      <p className="muted small">
        {raw.type === "dlv" ? "slmgr.vbs /dlv output" : raw.type === "cim" ? "CIM JSON" : raw.type} from {raw.machine.fqdn}, first received{" "}
        {formatDateTime(raw.firstSeenAt)}, last {formatDateTime(raw.lastSeenAt)}
      </p>
      {raw.body === null ? (
        <p className="muted">
          The text itself was removed by the retention policy on {formatDateTime(raw.prunedAt ?? raw.lastSeenAt)}; what was parsed from it
          is kept.
        </p>
      ) : (
        <pre>{pretty(raw.type, raw.body)}</pre>
      )}
    </div>
  );
}
