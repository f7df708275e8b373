"use client";
// A token or secret the server returns once: shown with a copy button until dismissed, never stored.
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

type Props = { title: string; value: string; children?: ReactNode; onDismiss: () => void };

export function OneTimeSecret({ title, value, children, onDismiss }: Props) {
  const t = useTranslations("admin.secret");
  const [copied, setCopied] = useState(false);
  async function copy() {
    // The clipboard API needs a secure context; on plain HTTP the value is still selectable.
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="card" role="status">
      <h2>{title}</h2>
      <p>
        <span className="badge warning">{t("shownOnce")}</span> {t("copyNow")}
      </p>
      <div className="toolbar">
        <input
          readOnly
          value={value}
          aria-label={title}
          size={60}
          onFocus={(e) => e.currentTarget.select()}
          style={{ fontFamily: "monospace" }}
        />
        <button type="button" onClick={() => void copy()}>
          {copied ? t("copied") : t("copy")}
        </button>
        <button type="button" onClick={onDismiss}>
          {t("saved")}
        </button>
      </div>
      {children}
    </div>
  );
}
