"use client";
// Acknowledge / Resolve / Snooze for one alert (admins). Errors (403, resolved meanwhile) show inline.
import { useState } from "react";
import { useAlertActionMutation } from "@/lib/client/useAlertActionMutation";
import type { AlertView } from "@/lib/evaluate/alerts/view";
import styles from "@/app/_components/clients/clients.module.css";

const snoozeChoices = [
  { label: "1 hour", ms: 3_600_000 },
  { label: "4 hours", ms: 4 * 3_600_000 },
  { label: "1 day", ms: 86_400_000 },
  { label: "1 week", ms: 7 * 86_400_000 },
];

export function AlertActions({ alert }: { alert: AlertView }) {
  const mutation = useAlertActionMutation();
  const [snooze, setSnooze] = useState("");
  if (alert.state === "resolved") return null;
  const busy = mutation.isPending;
  return (
    <div className="toolbar">
      {alert.state === "open" && (
        <button type="button" disabled={busy} onClick={() => mutation.mutate({ id: alert.id, action: "acknowledge" })}>
          Acknowledge
        </button>
      )}
      <button
        type="button"
        className={styles.secondary}
        disabled={busy}
        onClick={() => mutation.mutate({ id: alert.id, action: "resolve" })}
      >
        Resolve
      </button>
      <label>
        <select
          value={snooze}
          disabled={busy}
          aria-label="Snooze notifications"
          onChange={(e) => {
            const choice = snoozeChoices.find((c) => c.label === e.target.value);
            setSnooze("");
            if (choice) mutation.mutate({ id: alert.id, action: "snooze", until: new Date(Date.now() + choice.ms).toISOString() });
          }}
        >
          <option value="">Snooze…</option>
          {snoozeChoices.map((c) => (
            <option key={c.label} value={c.label}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {mutation.isError && <span className="error small">{mutation.error.message}</span>}
    </div>
  );
}
