"use client";
// One KMS host: state, findings (why + fix), count trend, requests, clients served, events and the raw /dlv.
import Link from "next/link";
import { useParams } from "next/navigation";
import { FindingList } from "@/app/_components/FindingList";
import { EpidsServedSection } from "@/app/_components/forensics/EpidsServedSection";
import { HostHeader } from "@/app/_components/HostHeader";
import { HostRawDlv } from "@/app/_components/HostRawDlv";
import { HostClientsSection, HostEventsSection } from "@/app/_components/HostSections";
import { HostTrendSection } from "@/app/_components/HostTrendSection";
import { HostActivation2026Section } from "@/app/_components/activation2026/HostActivation2026Section";
import { LoadState } from "@/app/_components/HostsLoadState";
import { FetchError } from "@/lib/client/fetchJson";
import { useHostQuery } from "@/lib/client/useHostQuery";

export default function HostPage() {
  const { id: hostId } = useParams<{ id: string }>();
  const { data: detail, isPending, error } = useHostQuery(hostId);
  if (error instanceof FetchError && error.status === 404) {
    return (
      <div className="card">
        <h1>KMS host not found</h1>
        <p className="muted">
          No KMS host has this id. It may have been removed; pick one from the <Link href="/hosts">KMS hosts</Link> list.
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="small">
        <Link href="/hosts">← KMS hosts</Link>
      </p>
      <LoadState isPending={isPending} error={error} what="this KMS host" />
      {detail && (
        <>
          <HostHeader detail={detail} />
          <section className="card">
            <h2>Findings</h2>
            <FindingList findings={detail.findings} showSubject={false} />
          </section>
          <EpidsServedSection fqdn={detail.host.fqdn} />
        </>
      )}
      {detail && <HostActivation2026Section hostId={hostId} />}
      <HostTrendSection hostId={hostId} />
      <HostClientsSection hostId={hostId} />
      <HostEventsSection hostId={hostId} />
      {detail && (
        <section className="card">
          <h2>Raw slmgr.vbs /dlv</h2>
          <HostRawDlv rawId={detail.latestDlvRawId} />
        </section>
      )}
    </>
  );
}
