"use client";
// "View raw /dlv": the latest slmgr.vbs /dlv text exactly as the agent sent it, fetched only when opened.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { LoadState } from "@/app/_components/HostsLoadState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useRawArtifactQuery } from "@/lib/client/useRawArtifactQuery";

export function HostRawDlv({ rawId }: { rawId: string | null }) {
  const t = useTranslations("rawDlv");
  const [open, setOpen] = useState(false);
  const { data, isPending, error } = useRawArtifactQuery(open ? rawId : null);
  if (rawId === null) return <p className="muted">{t.rich("none", { code: (c) => <code>{c}</code> })}</p>;
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t("hide") : t("view")}
      </button>
      {open && (
        <>
          <LoadState isPending={isPending} error={error} what={t("what")} />
          {data && (
            <>
              <p className="muted small">
                {t.rich("meta", {
                  type: data.type,
                  host: data.machine.fqdn,
                  first: () => <TimeAgo iso={data.firstSeenAt} />,
                  last: () => <TimeAgo iso={data.lastSeenAt} />,
                })}
              </p>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable). */}
              <pre tabIndex={0}>{data.body}</pre>
            </>
          )}
        </>
      )}
    </>
  );
}
