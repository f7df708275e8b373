"use client";
// Enroll secrets: which ones agents may use now, and rotation with an overlap so agents being
// deployed with the previous secret keep enrolling until it expires.
import { useState, type FormEvent } from "react";
import { useEnrollSecretsQuery } from "@/lib/client/useEnrollSecretsQuery";
import { useEnrollSecretRotateMutation } from "@/lib/client/useEnrollSecretRotateMutation";
import { DEFAULT_OVERLAP_DAYS, MAX_OVERLAP_DAYS } from "@/lib/access/admin/enrollSecretRules";
import { InlineError, Loading } from "@/app/_components/clients/QueryState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { OneTimeSecret } from "./OneTimeSecret";
import { AdminQueryError } from "./AdminQueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

function ValidBadge({ valid, expiresAt }: { valid: boolean; expiresAt: string | null }) {
  if (!valid) return <span className="badge">expired</span>;
  if (expiresAt)
    return (
      <span className="badge warning">
        expires <TimeAgo iso={expiresAt} />
      </span>
    );
  return <span className="badge ok">valid</span>;
}

export function EnrollSecretsCard() {
  const query = useEnrollSecretsQuery();
  const rotate = useEnrollSecretRotateMutation();
  const [overlapDays, setOverlapDays] = useState(String(DEFAULT_OVERLAP_DAYS));

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = Number(overlapDays);
    const message =
      days === 0
        ? "Rotate with no overlap? Every previous enroll secret, KMSWATCH_ENROLL_SECRET included, stops working now."
        : `Rotate the enroll secret? Previous secrets, KMSWATCH_ENROLL_SECRET included, stop working in ${days} day(s).`;
    if (window.confirm(message)) rotate.mutate(days);
  }

  if (query.isPending) return <Loading what="enroll secrets" />;
  if (query.isError) return <AdminQueryError error={query.error} what="the enroll secrets" onRetry={() => void query.refetch()} />;
  const { environment, secrets, enrollmentEnabled } = query.data;
  const envHasRow = secrets.some((s) => s.isCurrentEnvSecret);

  return (
    <section className="card">
      <h2>Enroll secrets</h2>
      {!enrollmentEnabled && (
        <p>
          <span className="badge critical">enrollment disabled</span> No valid enroll secret: new agents cannot enroll. Rotate to issue one.
        </p>
      )}
      {rotate.data && (
        <OneTimeSecret title="New enroll secret" value={rotate.data.secret} onDismiss={() => rotate.reset()}>
          <p className="muted small">
            Deploy it to agents (<code>install.ps1 -EnrollSecret …</code>, <code>--enroll-secret …</code>) before{" "}
            {new Date(rotate.data.previousExpireAt).toLocaleString()}, when the previous secrets stop working.
          </p>
        </OneTimeSecret>
      )}
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>Secret</th>
              <th>Created</th>
              <th>By</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {environment.configured && !envHasRow && (
              <tr>
                <td>
                  <code>KMSWATCH_ENROLL_SECRET</code> (environment)
                </td>
                <td className="muted">at start-up</td>
                <td className="muted">—</td>
                <td>
                  <span className="badge ok">valid</span> <span className="muted small">until the first rotation&apos;s overlap ends</span>
                </td>
              </tr>
            )}
            {secrets.map((s) => (
              <tr key={s.id} className={s.valid ? undefined : styles.dim}>
                <td>
                  {s.source === "environment" ? (
                    <>
                      <code>KMSWATCH_ENROLL_SECRET</code> {s.isCurrentEnvSecret ? "(environment)" : "(a former value)"}
                    </>
                  ) : (
                    <code>{s.prefix}…</code>
                  )}
                </td>
                {/* The environment secret's row is written at the first rotation, not when the secret was made. */}
                <td>{s.source === "environment" ? <span className="muted">—</span> : <TimeAgo iso={s.createdAt} />}</td>
                <td>{s.createdBy ?? <span className="muted">—</span>}</td>
                <td>
                  <ValidBadge valid={s.valid} expiresAt={s.expiresAt} />
                </td>
              </tr>
            ))}
            {!environment.configured && secrets.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No enroll secret: KMSWATCH_ENROLL_SECRET is not set and none was issued.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      <form onSubmit={submit} className={styles.pad}>
        <div className="toolbar">
          <label>
            Previous secrets stay valid for{" "}
            <input
              type="number"
              min={0}
              max={MAX_OVERLAP_DAYS}
              value={overlapDays}
              onChange={(e) => setOverlapDays(e.target.value)}
              aria-label="Overlap in days"
              style={{ width: 80 }}
              required
            />{" "}
            day(s)
          </label>
          <button type="submit" disabled={rotate.isPending || overlapDays === ""}>
            {rotate.isPending ? "Rotating…" : "Rotate enroll secret"}
          </button>
        </div>
        <p className="muted small">
          Rotation issues a new random secret, shown once. Once the overlap ends, older secrets are refused — the{" "}
          <code>KMSWATCH_ENROLL_SECRET</code> value too, even while it is still set. Use 0 days if a secret leaked.
        </p>
        <InlineError error={rotate.error} />
      </form>
    </section>
  );
}
