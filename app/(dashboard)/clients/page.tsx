"use client";
// Clients: search by name or CMID, filter by license state / channel / KMS host (kept in the URL), paged.
import { Suspense } from "react";
import { ActivationTypeFilter } from "@/app/_components/activation2026/ActivationTypeFilter";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  filtersFromSearchParams,
  filtersToQueryString,
  CLIENT_SORT_KEYS,
  hasActiveFilters,
  PAGE_SIZE,
  type ClientFilters as Filters,
} from "@/lib/read/clients/clientFilters";
import { useClientsQuery } from "@/lib/client/useClientsQuery";
import { useAuditQuery } from "@/lib/client/useAuditQuery";
import { ClientFilters } from "@/app/_components/clients/ClientFilters";
import { ClientTable } from "@/app/_components/clients/ClientTable";
import { Pagination } from "@/app/_components/clients/Pagination";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";
import { nextSort, parseSort, sortParam } from "@/lib/present/table/sort";
import { PageShell } from "@/app/_components/PageShell";

function EmptyClients({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useTranslations("clients");
  if (filtered) {
    return (
      <p className="muted">
        {t.rich("emptyFiltered", {
          clear: (c) => (
            <a
              href="/clients"
              onClick={(e) => {
                e.preventDefault();
                onClear();
              }}
            >
              {c}
            </a>
          ),
        })}
      </p>
    );
  }
  return <p className="muted">{t.rich("empty", { code: (c) => <code>{c}</code> })}</p>;
}

function ClientsView() {
  const t = useTranslations("clients");
  const router = useRouter();
  const pathname = usePathname();
  const filters = filtersFromSearchParams(useSearchParams());
  const query = useClientsQuery(filters);
  const audit = useAuditQuery();
  const navigate = (next: Filters) => {
    const qs = filtersToQueryString(next);
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const clear = () => navigate({ q: "", state: "", channel: "", kmsHost: "", page: 1, sort: filters.sort });
  const sort = parseSort(filters.sort, CLIENT_SORT_KEYS, { key: "fqdn", dir: "asc" });
  const onSort = (key: (typeof CLIENT_SORT_KEYS)[number]) => navigate({ ...filters, sort: sortParam(nextSort(sort, key)), page: 1 });

  return (
    <>
      <ClientFilters
        key={filtersToQueryString({ ...filters, page: 1 })}
        filters={filters}
        kmsHosts={audit.data?.hosts.map((h) => h.host) ?? []}
        onChange={navigate}
      />
      {query.isPending ? (
        <Loading what={t("what")} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 && filters.page > 1 ? (
        // The API counts only the rows of the page asked for, so past the end the total reads 0.
        <p className="muted">
          {t("pastEnd", { page: filters.page })}{" "}
          <button type="button" className="link" onClick={() => navigate({ ...filters, page: 1 })}>
            {t("goFirst")}
          </button>
        </p>
      ) : query.data.total === 0 ? (
        <EmptyClients filtered={hasActiveFilters(filters)} onClear={clear} />
      ) : (
        <>
          <ClientTable rows={query.data.rows} dim={query.isPlaceholderData} sort={sort} onSort={onSort} />
          <Pagination
            total={query.data.total}
            page={filters.page}
            pageSize={query.data.pageSize ?? PAGE_SIZE}
            busy={query.isPlaceholderData}
            onPage={(page) => navigate({ ...filters, page })}
          />
        </>
      )}
    </>
  );
}

export default function ClientsPage() {
  const t = useTranslations("clients");
  return (
    <PageShell title={t("title")} intro={t("intro")}>
      <ExportCsvLink table="clients" filterKeys={["q", "state", "channel", "kmsHost"]} />
      <ActivationTypeFilter />
      <Suspense fallback={<Loading what={t("what")} />}>
        <ClientsView />
      </Suspense>
    </PageShell>
  );
}
