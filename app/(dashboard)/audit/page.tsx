"use client";
// KMS host audit: every host seen anywhere, approved or not (rogue), who uses it, and the approved list.
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useAuditQuery } from "@/lib/client/useAuditQuery";
import { useApproveHostMutation } from "@/lib/client/useApproveHostMutation";
import { useUnapproveHostMutation } from "@/lib/client/useUnapproveHostMutation";
import { AuditHostTable } from "@/app/_components/clients/AuditHostTable";
import { ApprovedHostList } from "@/app/_components/clients/ApprovedHostList";
import { ApprovedHostForm } from "@/app/_components/clients/ApprovedHostForm";
import { ErrorMessage, InlineError, Loading } from "@/app/_components/clients/QueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";
import { HostForensicsSection } from "@/app/_components/forensics/HostForensicsSection";

function AuditView() {
  const audit = useAuditQuery();
  const me = useMeQuery();
  const approve = useApproveHostMutation();
  const unapprove = useUnapproveHostMutation();
  const isAdmin = me.data?.user.role === "admin";

  if (audit.isPending) return <Loading what="the KMS host audit" />;
  if (audit.isError) return <ErrorMessage error={audit.error} what="the KMS host audit" onRetry={() => void audit.refetch()} />;
  const data = audit.data;
  const busyHost = approve.isPending ? (approve.variables?.host ?? null) : unapprove.isPending ? (unapprove.variables ?? null) : null;
  const rogue = data.approved.length > 0 ? data.hosts.filter((h) => !h.approved) : [];
  const rogueClients = rogue.reduce((sum, h) => sum + h.clients, 0);
  const remove = (entry: string) => {
    if (window.confirm(`Remove ${entry} from the approved KMS hosts? Clients using it will be reported as using a rogue host.`)) {
      approve.reset();
      unapprove.mutate(entry);
    }
  };

  return (
    <>
      {data.splitWarning && (
        <div className="card" role="alert">
          <span className="badge warning">count split</span>{" "}
          <strong>
            {data.splitWarning.hostsInUse} KMS hosts in use, {data.splitWarning.hostsNeeded} needed.
          </strong>
          <p>{data.splitWarning.message}</p>
        </div>
      )}
      <div className="card">
        {data.hosts.length === 0 ? (
          <p className="muted">
            No KMS host seen yet: no agent runs on a KMS host and no client has reported one. Install the agent, then come back.
          </p>
        ) : data.approved.length === 0 ? (
          <p>
            <span className="badge warning">no approved list</span> {data.hosts.length} KMS host(s) seen. Approve your real hosts so that
            any other one is reported as rogue.
          </p>
        ) : rogue.length === 0 ? (
          <p>
            <span className="badge ok">all approved</span> Every one of the {data.hosts.length} KMS host(s) seen is on the approved list.
          </p>
        ) : (
          <p>
            <span className="badge critical">{rogue.length} rogue</span> <strong>{rogue.map((h) => h.host).join(", ")}</strong>{" "}
            {rogue.length === 1 ? "is" : "are"} not approved and used by {rogueClients} client(s). Remove their <code>_vlmcs._tcp</code> SRV
            records and stop them publishing (<code>slmgr.vbs /cdns</code> on each), or point clients at an approved host with{" "}
            <code>slmgr.vbs /skms host:1688</code>. If a host is legitimate, approve it.
          </p>
        )}
        {!isAdmin && me.isSuccess && <p className="muted small">Only administrators can change the approved list.</p>}
        <InlineError error={approve.error ?? unapprove.error} />
      </div>
      {data.hosts.length > 0 && (
        <section className="card">
          <h2>KMS hosts seen</h2>
          <AuditHostTable
            audit={data}
            isAdmin={isAdmin}
            busyHost={busyHost}
            onApprove={(host) => {
              unapprove.reset();
              approve.mutate({ host });
            }}
            onRemove={remove}
          />
        </section>
      )}
      <section className="card">
        <h2>Approved KMS hosts</h2>
        <ApprovedHostList audit={data} isAdmin={isAdmin} busyHost={busyHost} onRemove={remove} />
        {isAdmin && (
          <>
            <h2 className={styles.pad}>Add an approved host</h2>
            <ApprovedHostForm />
          </>
        )}
      </section>
    </>
  );
}

export default function AuditPage() {
  return (
    <>
      <h1>KMS host audit</h1>
      <p className="muted">
        Every KMS host seen by an agent on the host, in a client&apos;s DNS discovery or /skms setting, or in a 12288 request. A host not on
        the approved list is rogue: its clients activate against something you do not control.
      </p>
      <ExportCsvLink table="audit" />
      <AuditView />
      <HostForensicsSection />
    </>
  );
}
