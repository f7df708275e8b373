"use client";
// One KMS host: state, findings (why + fix), count trend, requests, clients served, events and the raw /dlv.
// Every section folds, so the on-call reader reaches the part they need without scrolling past the rest.
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { CollapsibleSection } from "@/app/_components/CollapsibleSection";
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
  const t = useTranslations("host");
  const { id: hostId } = useParams<{ id: string }>();
  const { data: detail, isPending, error } = useHostQuery(hostId);
  if (error instanceof FetchError && error.status === 404) {
    return (
      <div className="card">
        <h1>{t("notFound")}</h1>
        <p className="muted">{t.rich("notFoundText", { link: (c) => <Link href="/hosts">{c}</Link> })}</p>
      </div>
    );
  }
  return (
    <>
      <p className="small">
        <Link href="/hosts">{t("back")}</Link>
      </p>
      <LoadState isPending={isPending} error={error} what={t("what")} />
      {detail && (
        <>
          <HostHeader detail={detail} />
          <CollapsibleSection title={t("findings")}>
            <FindingList findings={detail.findings} showSubject={false} />
          </CollapsibleSection>
          <EpidsServedSection fqdn={detail.host.fqdn} />
        </>
      )}
      {detail && <HostActivation2026Section hostId={hostId} />}
      <HostTrendSection hostId={hostId} />
      <HostClientsSection hostId={hostId} />
      <HostEventsSection hostId={hostId} />
      {detail && (
        <CollapsibleSection title={t("rawDlv")}>
          <HostRawDlv rawId={detail.latestDlvRawId} />
        </CollapsibleSection>
      )}
    </>
  );
}
