// Settings a local run needs but a user should not have to invent: a session secret is
// generated once and kept under ./.kmswatch/ (production deployments set KMSWATCH_SESSION_SECRET).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export function localSessionSecret(root: string): string {
  const file = path.join(root, ".kmswatch", "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
