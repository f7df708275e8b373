// E-mail rendering: a plain-text part (read by ticketing systems) and an HTML part with the same content.
import { changeLabel, orderedItems, summarize, type NotificationMessage } from "@/lib/evaluate/notify/message";

export type EmailContent = { subject: string; text: string; html: string };

export const htmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function formatEmail(message: NotificationMessage): EmailContent {
  const subject = summarize(message);
  const items = orderedItems(message);
  const text = [
    subject,
    "",
    ...items.flatMap((item) => [
      `[${item.severity.toUpperCase()}] ${item.title} — ${item.subject.fqdn} (${changeLabel(item)})`,
      ...(item.state === "resolved" ? ["  Condition cleared."] : [`  Cause: ${item.cause}`, `  Fix: ${item.fix}`]),
      `  ${item.url}`,
      "",
    ]),
  ].join("\n");
  const rows = items
    .map((item) => {
      const detail = item.state === "resolved" ? "Condition cleared." : `${htmlEscape(item.cause)}<br><b>Fix:</b> ${htmlEscape(item.fix)}`;
      return (
        `<tr><td>${htmlEscape(item.severity)}</td><td>${htmlEscape(changeLabel(item))}</td>` +
        `<td><a href="${htmlEscape(item.url)}">${htmlEscape(item.subject.fqdn)}</a></td><td><b>${htmlEscape(item.title)}</b><br>${detail}</td></tr>`
      );
    })
    .join("\n");
  const html =
    `<p>${htmlEscape(subject)}</p>\n<table border="1" cellpadding="4" cellspacing="0">\n` +
    `<tr><th>Severity</th><th>Change</th><th>Machine</th><th>Problem</th></tr>\n${rows}\n</table>`;
  return { subject, text, html };
}
