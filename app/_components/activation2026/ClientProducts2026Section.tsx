"use client";
// A machine's Windows and Office products apart: how each is activated, its status and expiry, its KMS host's coverage.
import { useTranslations } from "next-intl";
import { FindingList } from "@/app/_components/FindingList";
import { LoadState } from "@/app/_components/HostsLoadState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { CoverageBadge } from "@/app/_components/activation2026/CoverageBadge";
import { useClientActivation2026Query } from "@/lib/client/useActivation2026Queries";
import type { ClientActivation2026 } from "@/lib/read/activation2026/getClientActivation2026";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { DataTable } from "@/app/_components/table/DataTable";

type Product = ClientActivation2026["windows"][number];

function ProductRows({ title, products }: { title: string; products: Product[] }) {
  const t = useTranslations("activation2026");
  const types = useTranslations("activation2026.type");
  return (
    <>
      <h3>{title}</h3>
      {products.length === 0 ? (
        <p className="muted small">{t("noneReported")}</p>
      ) : (
        <DataTable
          columns={[t("colProduct"), t("colActivatedBy"), t("colStatus"), t("colExpires"), t("colHostCovers")]}
          label={t("productsLabel")}
        >
          {products.map((p) => (
            <tr key={p.productKey}>
              <td>
                {p.product?.name ?? p.name ?? t("unknown")}
                {p.product && p.name && <div className="muted small">{p.name}</div>}
              </td>
              <td>
                {types(p.activationType)}
                {p.activationType === "kms" && p.kmsHost && <> ({p.kmsHost})</>}
                {p.activationType === "adba" && <> ({p.adObject ?? t("noAdObject", { configured: p.configuredActivationType ?? "?" })})</>}
              </td>
              <td>
                <LicenseStatusBadge status={p.licenseStatus} />
                {p.hresult && <span className="muted small"> {p.hresult}</span>}
                {p.remainingAppRearmCount !== null && <div className="muted small">{t("rearms", { count: p.remainingAppRearmCount })}</div>}
              </td>
              <td>{p.expiresAt ? <TimeAgo iso={p.expiresAt} /> : "—"}</td>
              <td>{p.coverage ? <CoverageBadge verdict={p.coverage} /> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export function ClientProducts2026Section({ clientId }: { clientId: string }) {
  const { data, isPending, error } = useClientActivation2026Query(clientId);
  const findings = data ? [...data.windows, ...data.office].flatMap((p) => p.findings) : [];
  const t = useTranslations("activation2026");
  return (
    <section className="card" data-testid="client-activation-2026">
      <h2>{t("clientTitle")}</h2>
      <LoadState isPending={isPending} error={error} what={t("whatProducts")} />
      {data && (
        <>
          {findings.length > 0 && <FindingList findings={findings} showSubject={false} />}
          <ProductRows title="Windows" products={data.windows} />
          <ProductRows title="Office" products={data.office} />
        </>
      )}
    </section>
  );
}
