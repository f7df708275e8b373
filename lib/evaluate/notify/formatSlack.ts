// Slack incoming-webhook body: `text` (notifications, clients without blocks) plus Block Kit sections.
// Slack refuses more than 50 blocks and sections over 3000 characters, so long groups are truncated.
import type { Locale } from "@/lib/core/locales";
import { orderedItems, type NotificationMessage } from "@/lib/evaluate/notify/message";
import { notifyText } from "@/lib/evaluate/notify/notifyText";

export const SLACK_MAX_ITEMS = 20;
const SECTION_LIMIT = 2_900;

type Block =
  | { type: "header"; text: { type: "plain_text"; text: string } }
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "context"; elements: { type: "mrkdwn"; text: string }[] };

export type SlackBody = { text: string; blocks: Block[] };

const icon: Record<string, string> = { critical: ":red_circle:", warning: ":large_orange_circle:", info: ":large_blue_circle:" };

/** Slack mrkdwn treats &, < and > as control characters. */
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The message in the channel's language (English by default). */
export function formatSlack(message: NotificationMessage, locale: Locale = "en"): SlackBody {
  const say = notifyText(locale);
  const summary = say.summary(message);
  const items = orderedItems(message);
  const blocks: Block[] = [{ type: "header", text: { type: "plain_text", text: clip(summary, 150) } }];
  for (const item of items.slice(0, SLACK_MAX_ITEMS)) {
    const { title, cause, fix } = say.finding(item);
    const head = `${icon[item.severity] ?? ""} *${slackEscape(title)}* — <${item.url}|${slackEscape(item.subject.fqdn)}> (${say.change(item)}, ${say.severity(item.severity)})`;
    const body =
      item.state === "resolved"
        ? say.label("conditionCleared")
        : `${slackEscape(cause)}\n*${slackEscape(say.label("fix"))}* ${slackEscape(fix)}`;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`${head}\n${body}`, SECTION_LIMIT) } });
  }
  if (items.length > SLACK_MAX_ITEMS) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: say.more(items.length - SLACK_MAX_ITEMS) }] });
  }
  return { text: summary, blocks };
}
