"use client";
// "Paste what you see": the type of text, the text, and the Parse button.
import { useState, type FormEvent } from "react";
import type { ParseRequest } from "@/lib/kms/protocol";
import { CodeText } from "./CodeText";
import styles from "./clients.module.css";

export type PasteType = "dlv" | "events" | "eventText";

const types: { value: PasteType; label: string; hint: string }[] = [
  {
    value: "dlv",
    label: "slmgr.vbs /dlv text",
    hint: "Run `cscript //nologo %windir%\\system32\\slmgr.vbs /dlv` (or /dlv all) and paste the whole output.",
  },
  {
    value: "events",
    label: "Event XML",
    hint: 'Run `wevtutil qe Application /q:"*[System[(EventID=12288 or EventID=12289)]]" /f:xml /c:20 /rd:true` and paste the output.',
  },
  {
    value: "eventText",
    label: "Event text",
    hint: "Copy an event from Event Viewer (Details → Friendly view, or Copy → Copy details as text).",
  },
];

export function toParseRequest(type: PasteType, text: string): ParseRequest {
  if (type === "events") return { type: "events", xml: text };
  return { type, text };
}

export function ParseForm({ pending, onParse }: { pending: boolean; onParse: (request: ParseRequest) => void }) {
  const [type, setType] = useState<PasteType>("dlv");
  const [text, setText] = useState("");
  const hint = types.find((t) => t.value === type)?.hint ?? "";
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) onParse(toParseRequest(type, text));
  }
  return (
    <form className={`card ${styles.stack}`} onSubmit={submit}>
      <div className="toolbar">
        <label>
          What did you paste?{" "}
          <select value={type} onChange={(e) => setType(types.find((t) => t.value === e.target.value)?.value ?? "dlv")}>
            {types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        <CodeText text={hint} />
      </p>
      <textarea
        className={styles.textarea}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Pasted text"
        spellCheck={false}
        placeholder="Paste here…"
      />
      <div className="toolbar">
        <button type="submit" disabled={pending || text.trim() === ""}>
          {pending ? "Parsing…" : "Parse"}
        </button>
        <span className="muted small">Nothing is stored: the text is parsed and thrown away.</span>
      </div>
    </form>
  );
}
