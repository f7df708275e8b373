"use client";
// KMS hosts: one row per host with license state, count, port, DNS publishing, version and activity.
import { HostsTable } from "@/app/_components/HostsTable";
import { LoadState } from "@/app/_components/HostsLoadState";
import { COUNT_THRESHOLDS } from "@/lib/present/charts/prepareHostTrend";
import { useHostsQuery } from "@/lib/client/useHostsQuery";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";

export default function HostsPage() {
  const { data, isPending, error } = useHostsQuery();
  return (
    <>
      <h1>KMS hosts</h1>
      <ExportCsvLink table="hosts" />
      <LoadState isPending={isPending} error={error} what="the KMS hosts" />
      {data && data.hosts.length === 0 && (
        <div className="card">
          <p>No KMS host has reported yet.</p>
          <p className="muted">
            Deploy the agent on your KMS hosts (it sends <code>slmgr.vbs /dlv</code>, the CIM state and the KMS event log), or run{" "}
            <code>npm run simulate</code> to load a demo fleet.
          </p>
        </div>
      )}
      {data && data.hosts.length > 0 && (
        <div className="card">
          <p className="muted small">
            Count in red: below {COUNT_THRESHOLDS.clientOs}, so Windows client OS cannot activate on that host (servers need{" "}
            {COUNT_THRESHOLDS.serverOs}; the count never exceeds {COUNT_THRESHOLDS.cap}).
          </p>
          <HostsTable hosts={data.hosts} />
        </div>
      )}
    </>
  );
}
