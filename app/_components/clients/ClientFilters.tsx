"use client";
// Search (name or CMID) and filters of the clients table. The page keeps them in the URL.
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/app/_components/form/TextField";
import { useFormFields } from "@/app/_components/form/useFormFields";
import { CHANNELS, hasActiveFilters, LICENSE_STATES, withFilter, type ClientFilters as Filters } from "@/lib/read/clients/clientFilters";

type Props = { filters: Filters; kmsHosts: string[]; onChange: (filters: Filters) => void };

function withCurrent(options: readonly string[], current: string): string[] {
  return current && !options.includes(current) ? [...options, current] : [...options];
}

export function ClientFilters({ filters, kmsHosts, onChange }: Props) {
  const t = useTranslations("clients");
  const license = useTranslations("license");
  // Typed text is applied on submit, not on every key stroke; the key resets it when the URL changes.
  const typed = useFormFields({ q: filters.q, kmsHost: filters.kmsHost });
  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(withFilter(filters, { q: typed.values.q.trim(), kmsHost: typed.values.kmsHost.trim() }));
  }
  return (
    <form className="toolbar" onSubmit={submit} role="search">
      <TextField type="search" label={t("searchLabel")} placeholder={t("searchPlaceholder")} {...typed.bind("q")} size={28} />
      <select aria-label={t("stateLabel")} value={filters.state} onChange={(e) => onChange(withFilter(filters, { state: e.target.value }))}>
        <option value="">{t("anyState")}</option>
        {withCurrent(LICENSE_STATES, filters.state).map((s) => (
          <option key={s} value={s}>
            {(LICENSE_STATES as readonly string[]).includes(s) ? license(s as (typeof LICENSE_STATES)[number]) : s}
          </option>
        ))}
      </select>
      <select
        aria-label={t("channelLabel")}
        value={filters.channel}
        onChange={(e) => onChange(withFilter(filters, { channel: e.target.value }))}
      >
        <option value="">{t("anyChannel")}</option>
        {withCurrent(CHANNELS, filters.channel).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <TextField list="kms-host-options" label={t("hostLabel")} placeholder={t("hostPlaceholder")} {...typed.bind("kmsHost")} size={26} />
      <datalist id="kms-host-options">
        {kmsHosts.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
      <button type="submit">{t("search")}</button>
      {hasActiveFilters(filters) && (
        <a
          href="/clients"
          onClick={(e) => {
            e.preventDefault();
            typed.reset({ q: "", kmsHost: "" });
            onChange(withFilter(filters, { q: "", state: "", channel: "", kmsHost: "" }));
          }}
        >
          {t("clearFilters")}
        </a>
      )}
    </form>
  );
}
