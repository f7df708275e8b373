// Hardware-secured KMS readiness of a host: ready, not ready (why), unknown (why).
import type { Readiness } from "@/lib/kms/hardwareSecured";
import { reasonText } from "@/lib/kms/hardwareSecured";

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  if (readiness.state === "ready") return <span className="badge ok">hardware-secured ready</span>;
  if (readiness.state === "not_ready")
    return (
      <span>
        <span className="badge info">not ready</span> {readiness.reasons.map((r) => reasonText[r].label).join(", ")}
      </span>
    );
  return (
    <span>
      <span className="badge">unknown</span> {readiness.why === "older_windows" ? "older Windows (no readiness report)" : "no data"}
      {readiness.note && <span className="muted small"> – {readiness.note}</span>}
    </span>
  );
}
