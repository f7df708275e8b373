"use client";
// A one-line form that sends one request: its fields and button in a toolbar, then the request's error, or what it did.
import type { FormEvent, ReactNode } from "react";
import { InlineError } from "@/app/_components/clients/QueryState";

type Props = { onSubmit: () => void; error: Error | null; done: ReactNode; children: ReactNode };

export function ToolbarForm({ onSubmit, error, done, children }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit}>
      <div className="toolbar">{children}</div>
      <InlineError error={error} />
      {done && <p className="muted small">{done}</p>}
    </form>
  );
}
