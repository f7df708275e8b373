// Webhook signatures (README "Webhooks"): the HMAC covers the timestamp and the raw body together, so a
// receiver that checks both proves the body came from this kmswatch, was not altered, and is recent: a captured
// delivery replayed later carries an old timestamp, and changing the timestamp breaks the signature.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Kmswatch-Signature";
export const TIMESTAMP_HEADER = "X-Kmswatch-Timestamp";
/** How old a delivery's timestamp may be (either way, for clock skew) before a receiver rejects it. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, the timestamp being Unix seconds as sent in its header. */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}

/** What a receiver does: the signature must match and the timestamp must be within the tolerance of `now`. */
export function verifyWebhook(
  secret: string,
  delivery: { timestamp: string | null | undefined; rawBody: string; signature: string | null | undefined },
  now: Date,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  const { timestamp, rawBody, signature } = delivery;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
