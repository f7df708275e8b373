// The head every dashboard page opens with: its title and the muted line that says what it shows, then the page.
import type { ReactNode } from "react";

export function PageShell({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
    </>
  );
}
