"use client";
import { useTranslations } from "next-intl";
// CMIDs reported by more than one machine (images not generalized with sysprep) and how to fix them.
import Link from "next/link";
import { useDuplicateCmidsQuery } from "@/lib/client/useDuplicateCmidsQuery";
import { CodeText } from "@/app/_components/clients/CodeText";
import { DuplicateCmidGroup } from "@/app/_components/clients/DuplicateCmidGroup";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";

function DuplicateCmidsView() {
  const t = useTranslations("duplicates");
  const query = useDuplicateCmidsQuery();
  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const { groups, fix } = query.data;
  if (groups.length === 0) {
    return (
      <div className="card">
        <span className="badge ok">{t("none")}</span> {t("noneText")}
      </div>
    );
  }
  const lost = groups.reduce((sum, g) => sum + g.countLost, 0);
  const machines = groups.reduce((sum, g) => sum + g.machineCount, 0);
  return (
    <>
      <div className="card">
        <p>{t.rich("summary", { groups: groups.length, machines, lost, strong: (c) => <strong>{c}</strong> })}</p>
        <h2>{t("fix")}</h2>
        <p>
          <CodeText text={fix} />
        </p>
      </div>
      {groups.map((g) => (
        <DuplicateCmidGroup key={g.cmid} group={g} />
      ))}
    </>
  );
}

export default function DuplicateCmidsPage() {
  const t = useTranslations("duplicates");
  return (
    <>
      <p className="small">
        <Link href="/alerts">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t.rich("intro", { code: (c) => <code>{c}</code> })}</p>
      <ExportCsvLink table="duplicate-cmids" />
      <DuplicateCmidsView />
    </>
  );
}
