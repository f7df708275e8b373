// Microsoft Teams body: an Adaptive Card in the message envelope that Teams incoming webhooks and
// Workflows ("post to a channel when a webhook request is received") both accept.
import type { Locale } from "@/lib/core/locales";
import { orderedItems, type NotificationMessage } from "@/lib/evaluate/notify/message";
import { notifyText } from "@/lib/evaluate/notify/notifyText";

export const TEAMS_MAX_ITEMS = 20;

type CardElement = Record<string, unknown>;
export type TeamsBody = {
  type: "message";
  summary: string;
  attachments: { contentType: "application/vnd.microsoft.card.adaptive"; contentUrl: null; content: CardElement }[];
};

const color: Record<string, string> = { critical: "Attention", warning: "Warning", info: "Accent" };

/** The message in the channel's language (English by default). */
export function formatTeams(message: NotificationMessage, locale: Locale = "en"): TeamsBody {
  const say = notifyText(locale);
  const summary = say.summary(message);
  const items = orderedItems(message);
  const body: CardElement[] = [{ type: "TextBlock", size: "Large", weight: "Bolder", text: summary, wrap: true }];
  for (const item of items.slice(0, TEAMS_MAX_ITEMS)) {
    const { title, cause, fix } = say.finding(item);
    body.push({
      type: "Container",
      separator: true,
      items: [
        {
          type: "TextBlock",
          weight: "Bolder",
          color: color[item.severity] ?? "Default",
          wrap: true,
          text: `${title} — ${item.subject.fqdn}`,
        },
        {
          type: "TextBlock",
          isSubtle: true,
          spacing: "None",
          wrap: true,
          text: `${say.change(item)} · ${say.severity(item.severity)} · [${say.label("open")}](${item.url})`,
        },
        ...(item.state === "resolved"
          ? []
          : [
              { type: "TextBlock", wrap: true, text: cause },
              { type: "TextBlock", wrap: true, text: `**${say.label("fix")}** ${fix}` },
            ]),
      ],
    });
  }
  if (items.length > TEAMS_MAX_ITEMS) body.push({ type: "TextBlock", isSubtle: true, text: say.more(items.length - TEAMS_MAX_ITEMS) });
  return {
    type: "message",
    summary,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          msteams: { width: "Full" },
          body,
        },
      },
    ],
  };
}
