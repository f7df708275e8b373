// Microsoft Teams body: an Adaptive Card in the message envelope that Teams incoming webhooks and
// Workflows ("post to a channel when a webhook request is received") both accept.
import { changeLabel, orderedItems, summarize, type NotificationMessage } from "@/lib/evaluate/notify/message";

export const TEAMS_MAX_ITEMS = 20;

type CardElement = Record<string, unknown>;
export type TeamsBody = {
  type: "message";
  summary: string;
  attachments: { contentType: "application/vnd.microsoft.card.adaptive"; contentUrl: null; content: CardElement }[];
};

const color: Record<string, string> = { critical: "Attention", warning: "Warning", info: "Accent" };

export function formatTeams(message: NotificationMessage): TeamsBody {
  const summary = summarize(message);
  const items = orderedItems(message);
  const body: CardElement[] = [{ type: "TextBlock", size: "Large", weight: "Bolder", text: summary, wrap: true }];
  for (const item of items.slice(0, TEAMS_MAX_ITEMS)) {
    body.push({
      type: "Container",
      separator: true,
      items: [
        {
          type: "TextBlock",
          weight: "Bolder",
          color: color[item.severity] ?? "Default",
          wrap: true,
          text: `${item.title} — ${item.subject.fqdn}`,
        },
        {
          type: "TextBlock",
          isSubtle: true,
          spacing: "None",
          wrap: true,
          text: `${changeLabel(item)} · ${item.severity} · [open](${item.url})`,
        },
        ...(item.state === "resolved"
          ? []
          : [
              { type: "TextBlock", wrap: true, text: item.cause },
              { type: "TextBlock", wrap: true, text: `**Fix:** ${item.fix}` },
            ]),
      ],
    });
  }
  if (items.length > TEAMS_MAX_ITEMS)
    body.push({ type: "TextBlock", isSubtle: true, text: `…and ${items.length - TEAMS_MAX_ITEMS} more in kmswatch.` });
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
