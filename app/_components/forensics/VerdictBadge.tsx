// A host name's forensic verdict as a badge coloured by how bad it is.
import type { Verdict } from "@/lib/evaluate/rules/forensicTypes";

const tone: Record<Verdict, string> = {
  impostor: "critical",
  emulator: "critical",
  suspicious: "warning",
  genuine: "ok",
  "no-evidence": "",
};

export function VerdictBadge({ verdict, label }: { verdict: Verdict; label: string }) {
  return (
    <span className={`badge ${tone[verdict]}`} data-verdict={verdict}>
      {label}
    </span>
  );
}
