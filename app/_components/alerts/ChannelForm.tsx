"use client";
// Add a notification channel: kind, name, the language its messages are written in, and the kind's settings
// (URL + secret, or addresses + SMTP).
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useNotificationChannelMutation } from "@/lib/client/useNotificationChannelMutations";
import type { CreateChannelInput } from "@/lib/evaluate/notify/channels";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/present/i18n/locale";
import styles from "@/app/_components/clients/clients.module.css";
import { SelectField } from "@/app/_components/form/SelectField";

type Kind = CreateChannelInput["kind"];
const KINDS: readonly Kind[] = ["webhook", "slack", "teams", "email"];

type ChannelFields = { url: string; secret: string; to: string; smtpUrl: string; from: string };

function toInput(kind: Kind, name: string, locale: Locale, f: ChannelFields): CreateChannelInput {
  const common = { name, enabled: true, locale };
  switch (kind) {
    case "webhook":
      return { kind, ...common, config: { url: f.url, secret: f.secret } };
    case "slack":
    case "teams":
      return { kind, ...common, config: { url: f.url } };
    case "email": {
      const to = f.to.split(/[,;\s]+/).filter(Boolean);
      return { kind, ...common, config: { to, ...(f.smtpUrl ? { smtpUrl: f.smtpUrl } : {}), ...(f.from ? { from: f.from } : {}) } };
    }
  }
}

/** The language of a channel's messages, each of the dashboard's languages by its own name; `label` shown or only spoken. */
export function ChannelLocaleSelect(props: {
  value: Locale;
  onChange: (locale: Locale) => void;
  label: string;
  showLabel?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  const select = (
    <select
      id={id}
      value={props.value}
      disabled={props.disabled}
      aria-label={props.showLabel ? undefined : props.label}
      onChange={(e) => props.onChange(e.target.value as Locale)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
  return props.showLabel ? (
    <span>
      <label htmlFor={id}>{props.label}</label> {select}
    </span>
  ) : (
    select
  );
}

export function ChannelForm() {
  const t = useTranslations("channels");
  const mutation = useNotificationChannelMutation();
  const [kind, setKind] = useState<Kind>("webhook");
  const [name, setName] = useState("");
  // A new channel speaks the language of the admin who adds it, until changed.
  const adminLocale = useLocale();
  const [locale, setLocale] = useState<Locale>(adminLocale);
  const [fields, setFields] = useState<ChannelFields>({ url: "", secret: "", to: "", smtpUrl: "", from: "" });
  const field = (key: keyof ChannelFields, label: string, props: { type?: string; placeholder?: string; required?: boolean } = {}) => (
    <label>
      {label} <input value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} {...props} />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { op: "create", input: toInput(kind, name.trim(), locale, fields) },
      {
        onSuccess: () => {
          setName("");
          setFields({ url: "", secret: "", to: "", smtpUrl: "", from: "" });
        },
      },
    );
  };
  return (
    <form className={styles.stack} onSubmit={submit}>
      <div className="toolbar">
        <SelectField label={t("kind")} value={kind} options={KINDS} optionLabel={(k) => t(`kinds.${k}`)} onChange={setKind} />
        <label>
          {t("name")} <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="KMS ops" />
        </label>
        <ChannelLocaleSelect value={locale} onChange={setLocale} label={t("language")} showLabel />
      </div>
      <div className="toolbar">
        {kind !== "email" && field("url", t("url"), { type: "url", required: true, placeholder: "https://…" })}
        {kind === "webhook" && field("secret", t("secret"), { required: true })}
        {kind === "email" && field("to", t("to"), { required: true, placeholder: "kms-ops@contoso.com" })}
        {kind === "email" && field("smtpUrl", t("smtpUrl"), { placeholder: "smtp://user:pass@host:587" })}
        {kind === "email" && field("from", t("from"))}
      </div>
      <div className="toolbar">
        <button type="submit" disabled={mutation.isPending}>
          {t("add")}
        </button>
        {mutation.isError && <span className="error small">{mutation.error.message}</span>}
      </div>
    </form>
  );
}
