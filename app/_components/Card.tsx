// A titled card: one part of a page (a table, a form, a log) under its own heading.
import type { ReactNode } from "react";

export function Card({ title, id, children }: { title: ReactNode; id?: string; children: ReactNode }) {
  return (
    <section className="card" id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
