"use client";
// An activation HRESULT with its meaning; success in plain grey, failures in red. HRESULTs stay as Windows writes them.
import { useTranslations } from "next-intl";
import { useHresultMeaning } from "@/app/_components/useHresultMeaning";

export function HostHresult({ hresult, meaning: serverMeaning }: { hresult: string | null; meaning: string | null }) {
  const meaning = useHresultMeaning()(hresult, serverMeaning);
  if (hresult === null) return <span className="muted">—</span>;
  const ok = hresult === "0x00000000";
  return (
    <span className={ok ? "muted" : "error"}>
      <code>{hresult}</code>
      {meaning && <span className="small"> {meaning}</span>}
    </span>
  );
}

/** 25 = Windows client OS (N-policy), 5 = Windows Server / Office. */
export function MinCount({ minCount }: { minCount: number | null }) {
  const t = useTranslations("hostClients");
  if (minCount === null) return <span className="muted">—</span>;
  const who = minCount === 25 ? t("minCountClient") : minCount === 5 ? t("minCountServer") : null;
  return (
    <span>
      {minCount}
      {who && <span className="muted small"> ({who})</span>}
    </span>
  );
}

export function YesNo({ value }: { value: boolean | null }) {
  const t = useTranslations("common");
  if (value === null) return <span className="muted">—</span>;
  return <span>{value ? t("yes") : t("no")}</span>;
}
