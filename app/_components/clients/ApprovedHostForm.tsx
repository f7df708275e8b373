"use client";
// Add a host to the approved list (admins). The API normalizes the name (lower case, no port).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useApproveHostMutation } from "@/lib/client/useApproveHostMutation";
import { InlineError } from "./QueryState";

export function ApprovedHostForm() {
  const mutation = useApproveHostMutation();
  const t = useTranslations("audit.approveForm");
  const [host, setHost] = useState("");
  const [note, setNote] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    const name = host.trim();
    if (!name) return;
    mutation.mutate(
      { host: name, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setHost("");
          setNote("");
        },
      },
    );
  }
  return (
    <form onSubmit={submit}>
      <div className="toolbar">
        <input
          value={host}
          onChange={(e) => setHost(e.target.value)}
          placeholder="kms01.corp.example.com"
          aria-label={t("host")}
          required
          maxLength={255}
          size={30}
          pattern="[A-Za-z0-9._\-]+(:[0-9]{1,5})?"
          title={t("hostTitle")}
        />
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t("notePlaceholder")}
          aria-label={t("note")}
          maxLength={500}
          size={36}
        />
        <button type="submit" disabled={mutation.isPending || host.trim() === ""}>
          {mutation.isPending ? t("adding") : t("add")}
        </button>
      </div>
      <InlineError error={mutation.error} />
      {mutation.isSuccess && <p className="muted small">{t("added", { host: mutation.data.host })}</p>}
    </form>
  );
}
