"use client";
// The query-backed sections of a KMS host's page: clients breakdown and event tables, each foldable.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { CollapsibleSection } from "@/app/_components/CollapsibleSection";
import { HostClientsTable } from "@/app/_components/HostClientsTable";
import { HostDnsFailuresTable, HostRequestsTable } from "@/app/_components/HostEventsTables";
import { LoadState } from "@/app/_components/HostsLoadState";
import { useHostClientsQuery } from "@/lib/client/useHostClientsQuery";
import { useHostEventsQuery } from "@/lib/client/useHostEventsQuery";

const FIRST_ROWS = 100;
const ALL_ROWS = 5000;

export function HostClientsSection({ hostId }: { hostId: string }) {
  const t = useTranslations("hostClients");
  const [limit, setLimit] = useState(FIRST_ROWS);
  const { data, isPending, error } = useHostClientsQuery(hostId, limit);
  return (
    <CollapsibleSection title={t("title")}>
      <p className="muted small">{t("intro")}</p>
      <LoadState isPending={isPending} error={error} what={t("what")} />
      {data && <HostClientsTable data={data} onShowAll={() => setLimit(ALL_ROWS)} />}
    </CollapsibleSection>
  );
}

export function HostEventsSection({ hostId }: { hostId: string }) {
  const t = useTranslations("hostEvents");
  const { data, isPending, error } = useHostEventsQuery(hostId);
  return (
    <>
      <CollapsibleSection title={t("requestsTitle")}>
        <LoadState isPending={isPending} error={error} what={t("whatRequests")} />
        {data && <HostRequestsTable requests={data.requests} />}
      </CollapsibleSection>
      <CollapsibleSection title={t("dnsTitle")}>
        <LoadState isPending={isPending} error={error} what={t("whatDns")} />
        {data && <HostDnsFailuresTable failures={data.dnsFailures} />}
      </CollapsibleSection>
    </>
  );
}
