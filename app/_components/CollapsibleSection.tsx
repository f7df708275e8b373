"use client";
// A page section whose body can be folded away (the host page is long); the heading stays, with a
// Show/Hide button that says what it controls. Children are not rendered while folded.
import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

export function CollapsibleSection({ title, defaultOpen = true, children }: { title: string; defaultOpen?: boolean; children: ReactNode }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className="card" aria-label={title}>
      <div className="sectionHead">
        <h2>{title}</h2>
        <button type="button" className="secondary small" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? t("hide") : t("show")}
          <span className="visuallyHidden"> {title}</span>
        </button>
      </div>
      <div id={bodyId} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
