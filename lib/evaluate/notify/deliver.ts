// Sends one formatted message over one channel. Throws with a short, readable reason on failure
// (HTTP status and the start of the answer, or the SMTP error) so the delivery log can show it.
import nodemailer from "nodemailer";
import { env } from "@/lib/core/env";
import type { ChannelConfig } from "@/lib/evaluate/notify/channels";
import type { Locale } from "@/lib/core/locales";
import type { NotificationMessage } from "@/lib/evaluate/notify/message";
import { formatWebhook } from "@/lib/evaluate/notify/formatWebhook";
import { formatSlack } from "@/lib/evaluate/notify/formatSlack";
import { formatTeams } from "@/lib/evaluate/notify/formatTeams";
import { formatEmail } from "@/lib/evaluate/notify/formatEmail";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "@/lib/evaluate/notify/signature";

const TIMEOUT_MS = 10_000;

async function postJson(url: string, rawBody: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "kmswatch-notifier", ...headers },
    body: rawBody,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: "error",
  });
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 200);
    throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ""}`);
  }
  await response.body?.cancel().catch(() => undefined);
}

/** `locale` is the channel's language: chat and e-mail messages are written in it; webhooks stay English (with message references). */
export async function deliver(channel: ChannelConfig, message: NotificationMessage, now: Date, locale: Locale = "en"): Promise<void> {
  switch (channel.kind) {
    case "webhook": {
      // Sign exactly the bytes sent (receivers verify the raw body, not a re-serialisation), with the timestamp.
      const rawBody = JSON.stringify(formatWebhook(message, now));
      const timestamp = String(Math.floor(Date.now() / 1000));
      return postJson(channel.config.url, rawBody, {
        [SIGNATURE_HEADER]: signWebhook(channel.config.secret, timestamp, rawBody),
        [TIMESTAMP_HEADER]: timestamp,
      });
    }
    case "slack":
      return postJson(channel.config.url, JSON.stringify(formatSlack(message, locale)));
    case "teams":
      return postJson(channel.config.url, JSON.stringify(formatTeams(message, locale)));
    case "email": {
      const smtpUrl = channel.config.smtpUrl ?? env().KMSWATCH_SMTP_URL;
      if (!smtpUrl) throw new Error("no SMTP server: set KMSWATCH_SMTP_URL or the channel's smtpUrl");
      const transport = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      });
      try {
        const content = formatEmail(message, locale);
        await transport.sendMail({
          from: channel.config.from ?? env().KMSWATCH_SMTP_FROM ?? "kmswatch <kmswatch@localhost>",
          to: channel.config.to,
          subject: content.subject,
          text: content.text,
          html: content.html,
        });
      } finally {
        transport.close();
      }
      return;
    }
  }
}
