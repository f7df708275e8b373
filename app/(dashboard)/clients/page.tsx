"use client";
// Clients: search by name or CMID, filter by license state / channel / KMS host (kept in the URL), paged by keyset
// cursors (the URL keeps the cursor and the page number, so a deep page can be shared and Back returns to it).
import { Suspense } from "react";
import { ActivationTypeFilter } from "@/app/_components/activation2026/ActivationTypeFilter";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  emptyClientFilters,
  filtersFromSearchParams,
  filtersToQueryString,
  CLIENT_SORT_KEYS,
  firstPage,
  hasActiveFilters,
  pageIsStale,
  withFilter,
  type ClientFilters as Filters,
} from "@/lib/read/clients/clientFilters";
import { useClientsQuery } from "@/lib/client/useClientsQuery";
import { useAuditQuery } from "@/lib/client/useAuditQuery";
import { ClientFilters } from "@/app/_components/clients/ClientFilters";
import { ClientTable } from "@/app/_components/clients/ClientTable";
import { KeysetPager } from "@/app/_components/clients/KeysetPager";
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
  const clear = () => navigate({ ...emptyClientFilters, sort: filters.sort });
  const goFirst = () => navigate({ ...filters, ...firstPage });
  const sort = parseSort(filters.sort, CLIENT_SORT_KEYS, { key: "fqdn", dir: "asc" });
  const onSort = (key: (typeof CLIENT_SORT_KEYS)[number]) => navigate(withFilter(filters, { sort: sortParam(nextSort(sort, key)) }));

  return (
    <>
      <ClientFilters
        key={filtersToQueryString({ ...filters, ...firstPage })}
        filters={filters}
        kmsHosts={audit.data?.hosts.map((h) => h.host) ?? []}
        onChange={navigate}
      />
      {query.isPending ? (
        <Loading what={t("what")} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 && pageIsStale(query.data, 0) ? (
        // Past the end of the list, or a cursor whose rows are gone: say so, and lead back to the start.
        <p className="muted" role="status">
          {t(filters.after || filters.before ? "pageMoved" : "pastEnd", { page: filters.page })}{" "}
          <button type="button" className="link" onClick={goFirst}>
            {t("goFirst")}
          </button>
        </p>
      ) : query.data.total === 0 ? (
        <EmptyClients filtered={hasActiveFilters(filters)} onClear={clear} />
      ) : (
        <>
          {pageIsStale(query.data, query.data.rows.length) && (
            <p className="muted" role="status">
              {t("pageMoved")}{" "}
              <button type="button" className="link" onClick={goFirst}>
                {t("goFirst")}
              </button>
            </p>
          )}
          <ClientTable rows={query.data.rows} dim={query.isPlaceholderData} sort={sort} onSort={onSort} />
          <KeysetPager
            filters={filters}
            answer={query.data}
            rowCount={query.data.rows.length}
            busy={query.isPlaceholderData}
            onGo={navigate}
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
