// Renders message references with a catalogue, outside React (next-intl's createTranslator): the findings'
// English texts, notifications, CSV headers, and the pages' findings in the reader's language.
// use-intl/core: the translator without React, so the evaluation, the notifications and the bench (react-server
// conditions, where React has no hooks) can render messages; next-intl is built on it.
import { type AbstractIntlMessages, createTranslator } from "use-intl/core";
import type { Locale } from "../locales";
import type { MessageRef } from "./messageRef";

/** The text of a reference, or null when the catalogue has no such key or a value is missing. */
export type RenderMessage = (ref: MessageRef) => string | null;

export function messageRenderer(locale: Locale, messages: AbstractIntlMessages): RenderMessage {
  let failed = false;
  const t = createTranslator({
    locale,
    messages,
    onError: () => {
      failed = true;
    },
  });
  const render: RenderMessage = (ref) => {
    if (!t.has(ref.key as never)) return null;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(ref.values ?? {})) {
      if (value === null) values[name] = "";
      else if (typeof value === "object") {
        const part = render(value);
        if (part === null) return null;
        values[name] = part;
      } else values[name] = value;
    }
    failed = false;
    const text = t(ref.key as never, values as never) as string;
    return failed ? null : text;
  };
  return render;
}
