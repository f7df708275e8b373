// Webhook signatures: receivers recompute the HMAC over the raw body with the channel secret and
// compare in constant time, which proves the body came from this kmswatch and was not altered.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Kmswatch-Signature";
export const TIMESTAMP_HEADER = "X-Kmswatch-Timestamp";

/** `sha256=<hex HMAC-SHA256 of the raw body>`. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

export function verifySignature(secret: string, rawBody: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
