// Previous / next with "Showing 51–100 of 230".
import { pageCount, pageRangeLabel } from "@/lib/read/clients/clientFilters";
import styles from "./clients.module.css";

type Props = { total: number; page: number; pageSize: number; busy: boolean; onPage: (page: number) => void };

export function Pagination({ total, page, pageSize, busy, onPage }: Props) {
  const pages = pageCount(total, pageSize);
  return (
    <div className={styles.pager}>
      <button type="button" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)}>
        ‹ Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" disabled={page >= pages || busy} onClick={() => onPage(page + 1)}>
        Next ›
      </button>
      <span className="muted">{pageRangeLabel(total, page, pageSize)}</span>
      {busy && <span className="muted small">updating…</span>}
    </div>
  );
}
