// Text with `backtick` commands rendered as <code>.
import { splitInlineCode } from "@/lib/present/format/inlineCode";

export function InlineCode({ text }: { text: string }) {
  return <>{splitInlineCode(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}</>;
}
