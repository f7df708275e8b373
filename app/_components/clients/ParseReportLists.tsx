// What the parser understood, what it skipped, and what looked wrong.
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
  return (
    <>
      {result.errors.length > 0 && <Lines title="Errors" lines={result.errors} empty="" tone="error" />}
      <Lines title="Warnings" lines={result.warnings} empty="No warning." tone="warning" />
      <Lines title="Unrecognized lines" lines={result.unrecognized} empty="Every line was understood." />
      <Lines title="Recognized lines" lines={result.recognized} empty="No line was recognized." />
    </>
  );
}
