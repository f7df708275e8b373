"use client";
// Add a notification channel: kind, name, and the kind's settings (URL + secret, or addresses + SMTP).
import { useState, type FormEvent } from "react";
import { useNotificationChannelMutation } from "@/lib/client/useNotificationChannelMutations";
import type { CreateChannelInput } from "@/lib/evaluate/notify/channels";
import styles from "@/app/_components/clients/clients.module.css";

type Kind = CreateChannelInput["kind"];
const kinds: { value: Kind; label: string }[] = [
  { value: "webhook", label: "Webhook (signed JSON)" },
  { value: "slack", label: "Slack incoming webhook" },
  { value: "teams", label: "Microsoft Teams webhook" },
  { value: "email", label: "E-mail (SMTP)" },
];

type ChannelFields = { url: string; secret: string; to: string; smtpUrl: string; from: string };

function toInput(kind: Kind, name: string, f: ChannelFields): CreateChannelInput {
  switch (kind) {
    case "webhook":
      return { kind, name, enabled: true, config: { url: f.url, secret: f.secret } };
    case "slack":
    case "teams":
      return { kind, name, enabled: true, config: { url: f.url } };
    case "email": {
      const to = f.to.split(/[,;\s]+/).filter(Boolean);
      return {
        kind,
        name,
        enabled: true,
        config: { to, ...(f.smtpUrl ? { smtpUrl: f.smtpUrl } : {}), ...(f.from ? { from: f.from } : {}) },
      };
    }
  }
}

export function ChannelForm() {
  const mutation = useNotificationChannelMutation();
  const [kind, setKind] = useState<Kind>("webhook");
  const [name, setName] = useState("");
  const [fields, setFields] = useState<ChannelFields>({ url: "", secret: "", to: "", smtpUrl: "", from: "" });
  const field = (key: keyof ChannelFields, label: string, props: { type?: string; placeholder?: string; required?: boolean } = {}) => (
    <label>
      {label} <input value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} {...props} />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { op: "create", input: toInput(kind, name.trim(), fields) },
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
        <label>
          Kind{" "}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="KMS ops" />
        </label>
      </div>
      <div className="toolbar">
        {kind !== "email" && field("url", "URL", { type: "url", required: true, placeholder: "https://…" })}
        {kind === "webhook" && field("secret", "Signing secret (16+ characters)", { required: true })}
        {kind === "email" && field("to", "To (comma-separated)", { required: true, placeholder: "kms-ops@contoso.com" })}
        {kind === "email" && field("smtpUrl", "SMTP URL (empty: KMSWATCH_SMTP_URL)", { placeholder: "smtp://user:pass@host:587" })}
        {kind === "email" && field("from", "From (empty: KMSWATCH_SMTP_FROM)")}
      </div>
      <div className="toolbar">
        <button type="submit" disabled={mutation.isPending}>
          Add channel
        </button>
        {mutation.isError && <span className="error small">{mutation.error.message}</span>}
      </div>
    </form>
  );
}
