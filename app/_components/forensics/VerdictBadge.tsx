"use client";
// A host name's forensic verdict as a badge coloured by how bad it is, named in the user's language.
import { useTranslations } from "next-intl";
import type { Verdict } from "@/lib/evaluate/rules/forensicTypes";

const tone: Record<Verdict, string> = {
  impostor: "critical",
  emulator: "critical",
  suspicious: "warning",
  genuine: "ok",
  "no-evidence": "",
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useTranslations("forensics.verdict");
  return (
    <span className={`badge ${tone[verdict]}`} data-verdict={verdict}>
      {t(verdict)}
    </span>
  );
}
