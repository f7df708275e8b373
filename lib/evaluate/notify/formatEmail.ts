// E-mail rendering: a plain-text part (read by ticketing systems) and an HTML part with the same content.
import type { Locale } from "@/lib/core/locales";
import { orderedItems, type NotificationMessage } from "@/lib/evaluate/notify/message";
import { notifyText } from "@/lib/evaluate/notify/notifyText";

export type EmailContent = { subject: string; text: string; html: string };

export const htmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The message in the channel's language (English by default). */
export function formatEmail(message: NotificationMessage, locale: Locale = "en"): EmailContent {
  const say = notifyText(locale);
  const subject = say.summary(message);
  const items = orderedItems(message).map((item) => ({ item, ...say.finding(item) }));
  const cleared = say.label("conditionCleared");
  const text = [
    subject,
    "",
    ...items.flatMap(({ item, title, cause, fix }) => [
      `[${say.severity(item.severity).toUpperCase()}] ${title} — ${item.subject.fqdn} (${say.change(item)})`,
      ...(item.state === "resolved" ? [`  ${cleared}`] : [`  ${say.label("cause")} ${cause}`, `  ${say.label("fix")} ${fix}`]),
      `  ${item.url}`,
      "",
    ]),
  ].join("\n");
  const rows = items
    .map(({ item, title, cause, fix }) => {
      const detail =
        item.state === "resolved"
          ? htmlEscape(cleared)
          : `${htmlEscape(cause)}<br><b>${htmlEscape(say.label("fix"))}</b> ${htmlEscape(fix)}`;
      return (
        `<tr><td>${htmlEscape(say.severity(item.severity))}</td><td>${htmlEscape(say.change(item))}</td>` +
        `<td><a href="${htmlEscape(item.url)}">${htmlEscape(item.subject.fqdn)}</a></td><td><b>${htmlEscape(title)}</b><br>${detail}</td></tr>`
      );
    })
    .join("\n");
  const head = (["severity", "change", "machine", "problem"] as const).map((l) => `<th>${htmlEscape(say.label(l))}</th>`).join("");
  const html = `<p>${htmlEscape(subject)}</p>\n<table border="1" cellpadding="4" cellspacing="0">\n<tr>${head}</tr>\n${rows}\n</table>`;
  return { subject, text, html };
}
