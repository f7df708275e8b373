// What the parser understood, what it skipped, and what looked wrong.
import { useTranslations } from "next-intl";
import type { ParseResponse } from "@/lib/kms/protocol";
import styles from "./clients.module.css";

function Lines({ title, lines, empty, tone }: { title: string; lines: string[]; empty: string; tone?: "error" | "warning" }) {
  return (
    <section className="card">
      <h2>
        {title} <span className="muted small">({lines.length})</span>
      </h2>
      {lines.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className={`${styles.list} ${tone === "error" ? "error" : tone === "warning" ? styles.warning : ""}`}>
          {lines.map((line, i) => (
            <li key={i} className={tone ? undefined : styles.mono}>
              {line}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ParseReportLists({ result }: { result: ParseResponse }) {
  const t = useTranslations("parse.report");
  return (
    <>
      {result.errors.length > 0 && <Lines title={t("errors")} lines={result.errors} empty="" tone="error" />}
      <Lines title={t("warnings")} lines={result.warnings} empty={t("noWarning")} tone="warning" />
      <Lines title={t("unrecognized")} lines={result.unrecognized} empty={t("allUnderstood")} />
      <Lines title={t("recognized")} lines={result.recognized} empty={t("noneRecognized")} />
    </>
  );
}
