"use client";
// Enroll secrets: which ones agents may use now, and rotation with an overlap so agents being
// deployed with the previous secret keep enrolling until it expires.
import { useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useEnrollSecretsQuery } from "@/lib/client/useEnrollSecretsQuery";
import { useEnrollSecretRotateMutation } from "@/lib/client/useEnrollSecretRotateMutation";
import { DEFAULT_OVERLAP_DAYS, MAX_OVERLAP_DAYS } from "@/lib/access/admin/enrollSecretRules";
import { InlineError, Loading } from "@/app/_components/clients/QueryState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { OneTimeSecret } from "./OneTimeSecret";
import { AdminQueryError } from "./AdminQueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

function ValidBadge({ valid, expiresAt }: { valid: boolean; expiresAt: string | null }) {
  const t = useTranslations("admin.enroll");
  if (!valid) return <span className="badge">{t("expired")}</span>;
  if (expiresAt)
    return (
      <span className="badge warning">
        {t("expires")} <TimeAgo iso={expiresAt} />
      </span>
    );
  return <span className="badge ok">{t("valid")}</span>;
}

export function EnrollSecretsCard() {
  const query = useEnrollSecretsQuery();
  const rotate = useEnrollSecretRotateMutation();
  const [overlapDays, setOverlapDays] = useState(String(DEFAULT_OVERLAP_DAYS));
  const t = useTranslations("admin.enroll");
  const format = useFormatter();

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = Number(overlapDays);
    const message = days === 0 ? t("confirmNoOverlap") : t("confirmRotate", { days });
    if (window.confirm(message)) rotate.mutate(days);
  }

  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <AdminQueryError error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const { environment, secrets, enrollmentEnabled } = query.data;
  const envHasRow = secrets.some((s) => s.isCurrentEnvSecret);

  return (
    <section className="card">
      <h2>{t("title")}</h2>
      {!enrollmentEnabled && (
        <p>
          <span className="badge critical">{t("disabled")}</span> {t("disabledText")}
        </p>
      )}
      {rotate.data && (
        <OneTimeSecret title={t("newSecret")} value={rotate.data.secret} onDismiss={() => rotate.reset()}>
          <p className="muted small">
            {t.rich("deploy", {
              at: format.dateTime(new Date(rotate.data.previousExpireAt), { dateStyle: "medium", timeStyle: "short" }),
              code: (chunks) => <code>{chunks}</code>,
            })}
          </p>
        </OneTimeSecret>
      )}
      <DataTable columns={[t("colSecret"), t("colCreated"), t("colBy"), t("colState")]}>
        {environment.configured && !envHasRow && (
          <tr>
            <td>
              <code>KMSWATCH_ENROLL_SECRET</code> {t("environment")}
            </td>
            <td className="muted">{t("atStartup")}</td>
            <td className="muted">—</td>
            <td>
              <span className="badge ok">{t("valid")}</span> <span className="muted small">{t("untilFirstRotation")}</span>
            </td>
          </tr>
        )}
        {secrets.map((s) => (
          <tr key={s.id} className={s.valid ? undefined : styles.dim}>
            <td>
              {s.source === "environment" ? (
                <>
                  <code>KMSWATCH_ENROLL_SECRET</code> {s.isCurrentEnvSecret ? t("environment") : t("formerValue")}
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
              {t("none")}
            </td>
          </tr>
        )}
      </DataTable>
      <form onSubmit={submit} className={styles.pad}>
        <div className="toolbar">
          <label>
            {t("overlapBefore")}{" "}
            <input
              type="number"
              min={0}
              max={MAX_OVERLAP_DAYS}
              value={overlapDays}
              onChange={(e) => setOverlapDays(e.target.value)}
              aria-label={t("overlapLabel")}
              style={{ width: 80 }}
              required
            />{" "}
            {t("overlapAfter")}
          </label>
          <button type="submit" disabled={rotate.isPending || overlapDays === ""}>
            {rotate.isPending ? t("rotating") : t("rotate")}
          </button>
        </div>
        <p className="muted small">{t.rich("rotationHelp", { code: (chunks) => <code>{chunks}</code> })}</p>
        <InlineError error={rotate.error} />
      </form>
    </section>
  );
}
