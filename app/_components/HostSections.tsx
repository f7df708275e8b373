"use client";
// The query-backed sections of a KMS host's page: clients breakdown and event tables.
import { useState } from "react";
import { HostClientsTable } from "@/app/_components/HostClientsTable";
import { HostDnsFailuresTable, HostRequestsTable } from "@/app/_components/HostEventsTables";
import { LoadState } from "@/app/_components/HostsLoadState";
import { useHostClientsQuery } from "@/lib/client/useHostClientsQuery";
import { useHostEventsQuery } from "@/lib/client/useHostEventsQuery";

const FIRST_ROWS = 100;
const ALL_ROWS = 5000;

export function HostClientsSection({ hostId }: { hostId: string }) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const { data, isPending, error } = useHostClientsQuery(hostId, limit);
  return (
    <section className="card">
      <h2>Clients served (last 30 days)</h2>
      <p className="muted small">
        Grouped by activation ID and the minimum count each client asks for: 25 for Windows client OS, 5 for Windows Server and Office.
      </p>
      <LoadState isPending={isPending} error={error} what="the clients of this host" />
      {data && <HostClientsTable data={data} onShowAll={() => setLimit(ALL_ROWS)} />}
    </section>
  );
}

export function HostEventsSection({ hostId }: { hostId: string }) {
  const { data, isPending, error } = useHostEventsQuery(hostId);
  return (
    <>
      <section className="card">
        <h2>Latest client requests (event 12290)</h2>
        <LoadState isPending={isPending} error={error} what="the request events" />
        {data && <HostRequestsTable requests={data.requests} />}
      </section>
      <section className="card">
        <h2>DNS publishing failures (event 12293)</h2>
        <LoadState isPending={isPending} error={error} what="the DNS publishing events" />
        {data && <HostDnsFailuresTable failures={data.dnsFailures} />}
      </section>
    </>
  );
}
