// Splits rule texts on backticks so commands (`slmgr.vbs /ato`) can be rendered as <code>.

export type TextPart = { text: string; code: boolean };

/** Odd segments between backticks are code; an unmatched trailing backtick is kept as plain text. */
export function splitInlineCode(text: string): TextPart[] {
  const segments = text.split("`");
  const closed = segments.length % 2 === 1;
  const parts: TextPart[] = [];
  segments.forEach((segment, i) => {
    const isLastUnclosed = !closed && i === segments.length - 1;
    const code = i % 2 === 1 && !isLastUnclosed;
    const value = isLastUnclosed ? `\`${segment}` : segment;
    if (value !== "") parts.push({ text: value, code });
  });
  return parts;
}
