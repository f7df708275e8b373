"use client";
// Add a host to the approved list (admins). The API normalizes the name (lower case, no port).
import { useState, type FormEvent } from "react";
import { useApproveHostMutation } from "@/lib/client/useApproveHostMutation";
import { InlineError } from "./QueryState";

export function ApprovedHostForm() {
  const mutation = useApproveHostMutation();
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
          aria-label="Host name"
          required
          maxLength={255}
          size={30}
          pattern="[A-Za-z0-9._\-]+(:[0-9]{1,5})?"
          title="A host name or IP address (letters, digits, '.', '-', '_'), optionally :port"
        />
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Note (optional): owner, ticket…"
          aria-label="Note"
          maxLength={500}
          size={36}
        />
        <button type="submit" disabled={mutation.isPending || host.trim() === ""}>
          {mutation.isPending ? "Adding…" : "Add approved host"}
        </button>
      </div>
      <InlineError error={mutation.error} />
      {mutation.isSuccess && <p className="muted small">Added {mutation.data.host}.</p>}
    </form>
  );
}
