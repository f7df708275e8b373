// A fresh enroll secret: 192 random bits. Like agent tokens, a fast hash (SHA-256) is enough to
// store it because it is random, not guessable.
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/access/agents/tokens";

const SECRET_PREFIX = "kmse_";

export function newEnrollSecret(): { secret: string; secretHash: string; prefix: string } {
  const secret = SECRET_PREFIX + randomBytes(24).toString("base64url");
  return { secret, secretHash: hashToken(secret), prefix: secret.slice(0, SECRET_PREFIX.length + 6) };
}
