// A renderer per language over the app's catalogues, for the server side (rules, notifications, exports).
import type { AbstractIntlMessages } from "use-intl/core";
import type { Locale } from "../locales";
import { CATALOGUES } from "./catalogues";
import type { MessageRef } from "./messageRef";
import { messageRenderer, type RenderMessage } from "./render";

const renderers = new Map<Locale, RenderMessage>();

export function translate(locale: Locale): RenderMessage {
  let render = renderers.get(locale);
  if (!render) {
    render = messageRenderer(locale, CATALOGUES[locale] as AbstractIntlMessages);
    renderers.set(locale, render);
  }
  return render;
}

/** The English text of a message the code itself names: a missing key is a programming error, so it throws. */
export function english(ref: MessageRef): string {
  const text = translate("en")(ref);
  if (text === null) throw new Error(`message ${ref.key} is missing in the English catalogue or lacks a value`);
  return text;
}
