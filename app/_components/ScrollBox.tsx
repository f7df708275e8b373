// A wide table scrolls inside this box, never the page (390 px phones); keyboard users can reach and scroll it.
import type { ReactNode } from "react";

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable).
    <div className="tableScroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
