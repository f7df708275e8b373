// A wide table scrolls sideways inside this box, never the page (a 390 px phone). Keyboard users can focus
// the box to scroll it (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function TableScroll({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <div className="tableScroll" tabIndex={0}>
      {children}
    </div>
  );
}
