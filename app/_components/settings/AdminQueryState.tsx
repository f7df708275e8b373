"use client";
// Settings pages are for administrators: a viewer's 403 becomes an explanation, not a failure.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FetchError } from "@/lib/client/fetchJson";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";

export function AdminOnlyMessage() {
  const t = useTranslations("admin.only");
  return (
    <div className="card" role="alert">
      <p>
        <span className="badge warning">{t("badge")}</span> {t("text")}
      </p>
      <p className="muted small">{t("ask")}</p>
    </div>
  );
}

export function AdminQueryError({ error, what, onRetry }: { error: Error; what: string; onRetry: () => void }) {
  if (error instanceof FetchError && error.status === 403) return <AdminOnlyMessage />;
  return <ErrorMessage error={error} what={what} onRetry={onRetry} />;
}

/** A page only admins use: while the account loads, `account` is what is loading; a viewer reads `adminsOnly`. */
export function AdminOnly({ account, adminsOnly, children }: { account: string; adminsOnly: string; children: ReactNode }) {
  const me = useMeQuery();
  if (me.isPending) return <Loading what={account} />;
  if (me.data?.user.role !== "admin") return <p className="card">{adminsOnly}</p>;
  return children;
}
