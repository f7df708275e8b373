// Slack incoming-webhook body: `text` (notifications, clients without blocks) plus Block Kit sections.
// Slack refuses more than 50 blocks and sections over 3000 characters, so long groups are truncated.
import { changeLabel, orderedItems, summarize, type NotificationMessage } from "@/lib/evaluate/notify/message";

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

export function formatSlack(message: NotificationMessage): SlackBody {
  const summary = summarize(message);
  const items = orderedItems(message);
  const blocks: Block[] = [{ type: "header", text: { type: "plain_text", text: clip(summary, 150) } }];
  for (const item of items.slice(0, SLACK_MAX_ITEMS)) {
    const head = `${icon[item.severity] ?? ""} *${slackEscape(item.title)}* — <${item.url}|${slackEscape(item.subject.fqdn)}> (${changeLabel(item)}, ${item.severity})`;
    const body = item.state === "resolved" ? "Condition cleared." : `${slackEscape(item.cause)}\n*Fix:* ${slackEscape(item.fix)}`;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`${head}\n${body}`, SECTION_LIMIT) } });
  }
  if (items.length > SLACK_MAX_ITEMS) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `…and ${items.length - SLACK_MAX_ITEMS} more in kmswatch.` }] });
  }
  return { text: summary, blocks };
}
