// "covered" / "not covered: <fix>" / "unknown: <why>" for one product against one host.
import type { CoverageVerdict } from "@/lib/kms/coverage";

export function CoverageBadge({ verdict }: { verdict: CoverageVerdict | null }) {
  if (verdict === null) return <span className="muted">product not identified</span>;
  if (verdict.status === "covered")
    return (
      <span title={verdict.why}>
        <span className="badge ok">covered</span>
      </span>
    );
  if (verdict.status === "not_covered")
    return (
      <span>
        <span className="badge critical">not covered</span> {verdict.why}. <strong>Fix:</strong> {verdict.fix}
      </span>
    );
  return (
    <span>
      <span className="badge warning">unknown</span> {verdict.why}
      {verdict.fix && <>. {verdict.fix}</>}
    </span>
  );
}
