"use client";
// CMIDs reported by more than one machine (images not generalized with sysprep) and how to fix them.
import Link from "next/link";
import { useDuplicateCmidsQuery } from "@/lib/client/useDuplicateCmidsQuery";
import { CodeText } from "@/app/_components/clients/CodeText";
import { DuplicateCmidGroup } from "@/app/_components/clients/DuplicateCmidGroup";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";

function DuplicateCmidsView() {
  const query = useDuplicateCmidsQuery();
  if (query.isPending) return <Loading what="duplicate CMIDs" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the duplicate CMIDs" onRetry={() => void query.refetch()} />;
  const { groups, fix } = query.data;
  if (groups.length === 0) {
    return (
      <div className="card">
        <span className="badge ok">none</span> Every machine reports its own CMID: no cloned, un-generalized image is lowering your KMS
        count.
      </div>
    );
  }
  const lost = groups.reduce((sum, g) => sum + g.countLost, 0);
  const machines = groups.reduce((sum, g) => sum + g.machineCount, 0);
  return (
    <>
      <div className="card">
        <p>
          <strong>
            {groups.length} CMID(s) shared by {machines} machines
          </strong>
          : your KMS hosts count {lost} fewer clients than you have. Below 25 (Windows clients) or 5 (servers, Office) the hosts refuse to
          activate anyone (0xC004F038).
        </p>
        <h2>Fix</h2>
        <p>
          <CodeText text={fix} />
        </p>
      </div>
      {groups.map((g) => (
        <DuplicateCmidGroup key={g.cmid} group={g} />
      ))}
    </>
  );
}

export default function DuplicateCmidsPage() {
  return (
    <>
      <p className="small">
        <Link href="/alerts">‹ Alerts</Link>
      </p>
      <h1>Duplicate CMIDs</h1>
      <p className="muted">
        A KMS host counts distinct Client Machine IDs. Machines cloned from an image that was not prepared with{" "}
        <code>sysprep /generalize</code> share one CMID and count as one.
      </p>
      <ExportCsvLink table="duplicate-cmids" />
      <DuplicateCmidsView />
    </>
  );
}
