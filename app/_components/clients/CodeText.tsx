// Text with `backticked` commands rendered as <code> (fix texts of the API).
import { splitInlineCode } from "@/lib/present/format/inlineCode";

export function CodeText({ text }: { text: string }) {
  return <>{splitInlineCode(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}</>;
}
