"use client";
// What an admin does with the selected alerts: acknowledge, snooze or resolve them all in one request.
// Stays in view (sticky) while the selection is not empty; says what happened, skips included.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useBulkAlertMutation } from "@/lib/client/useBulkAlertMutation";
import { DAY_MS, HOUR_MS } from "@/lib/core/time";

const SNOOZES = [
  { key: "snooze1h", ms: HOUR_MS },
  { key: "snooze4h", ms: 4 * HOUR_MS },
  { key: "snooze1d", ms: DAY_MS },
  { key: "snooze1w", ms: 7 * DAY_MS },
] as const;

export function BulkActionBar({ selected, onDone }: { selected: ReadonlySet<string>; onDone: () => void }) {
  const t = useTranslations("alerts");
  const mutation = useBulkAlertMutation();
  const [snooze, setSnooze] = useState("");
  const ids = [...selected];
  const run = (body: { action: "acknowledge" | "resolve" } | { action: "snooze"; until: string }) =>
    mutation.mutate({ ids, ...body }, { onSuccess: onDone });
  if (ids.length === 0 && !mutation.data && !mutation.isError) return null;
  return (
    <div className="bulkBar" role="region" aria-label={t("bulkLabel")}>
      {ids.length > 0 && (
        <>
          <strong>{t("selectedCount", { count: ids.length })}</strong>
          <button type="button" disabled={mutation.isPending} onClick={() => run({ action: "acknowledge" })}>
            {t("acknowledgeSelected")}
          </button>
          <select
            value={snooze}
            disabled={mutation.isPending}
            aria-label={t("snoozeLabel")}
            onChange={(e) => {
              const choice = SNOOZES.find((c) => c.key === e.target.value);
              setSnooze("");
              if (choice) run({ action: "snooze", until: new Date(Date.now() + choice.ms).toISOString() });
            }}
          >
            <option value="">{t("snooze")}</option>
            {SNOOZES.map((c) => (
              <option key={c.key} value={c.key}>
                {t(c.key)}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" disabled={mutation.isPending} onClick={() => run({ action: "resolve" })}>
            {t("resolveSelected")}
          </button>
          <button type="button" className="secondary" onClick={onDone}>
            {t("clearSelection")}
          </button>
        </>
      )}
      {mutation.data && (
        <span role="status" className="muted">
          {t("bulkDone", { applied: mutation.data.applied, skipped: mutation.data.skipped.length })}
        </span>
      )}
      {mutation.isError && <span className="error">{mutation.error.message}</span>}
    </div>
  );
}
