"use client";
// "View raw /dlv": the latest slmgr.vbs /dlv text exactly as the agent sent it, fetched only when opened.
import { useState } from "react";
import { LoadState } from "@/app/_components/HostsLoadState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useRawArtifactQuery } from "@/lib/client/useRawArtifactQuery";

export function HostRawDlv({ rawId }: { rawId: string | null }) {
  const [open, setOpen] = useState(false);
  const { data, isPending, error } = useRawArtifactQuery(open ? rawId : null);
  if (rawId === null) {
    return (
      <p className="muted">
        No <code>slmgr.vbs /dlv</code> output stored for this host yet; the agent sends it on its next check-in.
      </p>
    );
  }
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide raw /dlv" : "View raw /dlv"}
      </button>
      {open && (
        <>
          <LoadState isPending={isPending} error={error} what="the raw /dlv output" />
          {data && (
            <>
              <p className="muted small">
                {data.type} from {data.machine.fqdn}, first seen <TimeAgo iso={data.firstSeenAt} />, last seen{" "}
                <TimeAgo iso={data.lastSeenAt} />
              </p>
              <pre>{data.body}</pre>
            </>
          )}
        </>
      )}
    </>
  );
}
