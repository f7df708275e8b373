"use client";
// The raw /dlv text or CIM JSON of a snapshot, exactly as the agent sent it.
import { useRawArtifactQuery } from "@/lib/client/useRawArtifactQuery";
import { useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
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
  const t = useTranslations("rawDlv.viewer");
  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const raw = query.data;
  return (
    <div>
      <p className="muted small">
        {t.rich("source", {
          type: raw.type === "dlv" ? t("dlv") : raw.type === "cim" ? "CIM JSON" : raw.type,
          machine: raw.machine.fqdn,
          first: () => <DateTime iso={raw.firstSeenAt} />,
          last: () => <DateTime iso={raw.lastSeenAt} />,
        })}
      </p>
      {raw.body === null ? (
        <p className="muted">{t.rich("pruned", { at: () => <DateTime iso={raw.prunedAt ?? raw.lastSeenAt} /> })}</p>
      ) : (
        <pre>{pretty(raw.type, raw.body)}</pre>
      )}
    </div>
  );
}
