"use client";
// A button in a table row (revoke, delete, remove, rotate): red for what destroys, grey for the rest, and the
// "Working…" text in place of its label while its own request runs.
import type { ButtonHTMLAttributes } from "react";
import styles from "@/app/_components/clients/clients.module.css";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className"> & {
  tone: "danger" | "secondary";
  /** The label while this row's request runs; the button shows `children` otherwise. */
  busyLabel?: string | false;
};

export function RowButton({ tone, busyLabel, children, ...button }: Props) {
  return (
    <button type="button" className={styles[tone]} {...button}>
      {busyLabel || children}
    </button>
  );
}
