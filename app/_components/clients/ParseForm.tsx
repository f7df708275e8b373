"use client";
// "Paste what you see": the type of text, the text, and the Parse button.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ParseRequest } from "@/lib/kms/protocol";
import { CodeText } from "./CodeText";
import styles from "./clients.module.css";
import { SelectField } from "@/app/_components/form/SelectField";

export type PasteType = "dlv" | "events" | "eventText";

const types: readonly PasteType[] = ["dlv", "events", "eventText"];
/** The commands of the hints, the same in every language. */
const commands: Record<PasteType, string> = {
  dlv: "cscript //nologo %windir%\\system32\\slmgr.vbs /dlv",
  events: 'wevtutil qe Application /q:"*[System[(EventID=12288 or EventID=12289)]]" /f:xml /c:20 /rd:true',
  eventText: "",
};

export function toParseRequest(type: PasteType, text: string): ParseRequest {
  if (type === "events") return { type: "events", xml: text };
  return { type, text };
}

export function ParseForm({ pending, onParse }: { pending: boolean; onParse: (request: ParseRequest) => void }) {
  const [type, setType] = useState<PasteType>("dlv");
  const [text, setText] = useState("");
  const t = useTranslations("parse.form");
  const hint = t(`hint.${type}`, { command: `\`${commands[type]}\`` });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) onParse(toParseRequest(type, text));
  }
  return (
    <form className={`card ${styles.stack}`} onSubmit={submit}>
      <div className="toolbar">
        <SelectField label={t("what")} value={type} options={types} optionLabel={(v) => t(`type.${v}`)} onChange={setType} />
      </div>
      <p className="muted small">
        <CodeText text={hint} />
      </p>
      <textarea
        className={styles.textarea}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t("pasted")}
        spellCheck={false}
        placeholder={t("placeholder")}
      />
      <div className="toolbar">
        <button type="submit" disabled={pending || text.trim() === ""}>
          {pending ? t("parsing") : t("parse")}
        </button>
        <span className="muted small">{t("nothingStored")}</span>
      </div>
    </form>
  );
}
