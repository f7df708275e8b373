"use client";
// Clients: search by name or CMID, filter by license state / channel / KMS host (kept in the URL), paged.
import { Suspense } from "react";
import { ActivationTypeFilter } from "@/app/_components/activation2026/ActivationTypeFilter";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  filtersFromSearchParams,
  filtersToQueryString,
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

function EmptyClients({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <p className="muted">
        No client matches these filters. Check the spelling (KMS host must be the exact name), or{" "}
        <a
          href="/clients"
          onClick={(e) => {
            e.preventDefault();
            onClear();
          }}
        >
          clear the filters
        </a>
        .
      </p>
    );
  }
  return (
    <p className="muted">
      No client has reported yet. Install the kmswatch agent on your Windows clients (or run <code>npm run simulate</code> against this
      server); they appear here after their first check-in.
    </p>
  );
}

function ClientsView() {
  const router = useRouter();
  const pathname = usePathname();
  const filters = filtersFromSearchParams(useSearchParams());
  const query = useClientsQuery(filters);
  const audit = useAuditQuery();
  const navigate = (next: Filters) => {
    const qs = filtersToQueryString(next);
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const clear = () => navigate({ q: "", state: "", channel: "", kmsHost: "", page: 1 });

  return (
    <>
      <ClientFilters
        key={filtersToQueryString({ ...filters, page: 1 })}
        filters={filters}
        kmsHosts={audit.data?.hosts.map((h) => h.host) ?? []}
        onChange={navigate}
      />
      {query.isPending ? (
        <Loading what="clients" />
      ) : query.isError ? (
        <ErrorMessage error={query.error} what="the clients" onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 && filters.page > 1 ? (
        // The API counts only the rows of the page asked for, so past the end the total reads 0.
        <p className="muted">
          Page {filters.page} is past the end of this list.{" "}
          <button type="button" className="link" onClick={() => navigate({ ...filters, page: 1 })}>
            Go to page 1
          </button>
          .
        </p>
      ) : query.data.total === 0 ? (
        <EmptyClients filtered={hasActiveFilters(filters)} onClear={clear} />
      ) : (
        <>
          <ClientTable rows={query.data.rows} dim={query.isPlaceholderData} />
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
  return (
    <>
      <h1>Clients</h1>
      <p className="muted">
        Every machine that checked in, with its current Windows license state. Only clients with a GVLK (channel VOLUME_KMSCLIENT) activate
        against your KMS hosts; MAK and Retail keys are flagged.
      </p>
      <ExportCsvLink table="clients" filterKeys={["q", "state", "channel", "kmsHost"]} />
      <ActivationTypeFilter />
      <Suspense fallback={<Loading what="clients" />}>
        <ClientsView />
      </Suspense>
    </>
  );
}
