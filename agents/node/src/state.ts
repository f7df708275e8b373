// Small state files in the state dir: the agent token and the installation key (mode 0600), per-log
// bookmarks, counters.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Bookmarks } from "./events.ts";

const tokenSchema = z.object({
  server: z.string(),
  agentId: z.string(),
  token: z.string().min(1),
  fqdn: z.string(),
  enrolledAt: z.string(),
});
export type SavedToken = z.infer<typeof tokenSchema>;
const bookmarksSchema = z.object({
  Application: z.number().int().nonnegative().optional(),
  "Key Management Service": z.number().int().nonnegative().optional(),
});
const countersSchema = z.object({
  spoolCounter: z.number().int().nonnegative().default(0),
  droppedTotal: z.number().int().nonnegative().default(0),
  rejectedTotal: z.number().int().nonnegative().default(0),
});
export type Counters = z.infer<typeof countersSchema>;

function readJson<T>(file: string, schema: z.ZodType<T>, fallback: T): T {
  if (!existsSync(file)) return fallback;
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is damaged (${parsed.error.issues[0]?.message}); fix or delete it`);
  return parsed.data;
}

function writeText(file: string, text: string, mode: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode });
  // writeFileSync's mode only applies to a new file: enforce it on an existing temp file too.
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

function writeJson(file: string, value: unknown, mode = 0o644): void {
  writeText(file, `${JSON.stringify(value, null, 2)}\n`, mode);
}

export const INSTALLATION_KEY_FILE = "installation-key.txt";

export class AgentState {
  constructor(readonly dir: string) {}
  private file(name: string): string {
    return path.join(this.dir, name);
  }

  /** The token of this server (a token for another server is useless here). */
  readToken(server: string): SavedToken | null {
    const saved = readJson(this.file("token.json"), tokenSchema.nullable(), null);
    return saved && saved.server === server ? saved : null;
  }
  /** 0600: only the agent's account reads it (on Windows the state dir's ACL does this; see agents/README.md). */
  writeToken(token: SavedToken): void {
    writeJson(this.file("token.json"), token, 0o600);
  }

  /** Whether a token file exists at all (for any server): the agent has enrolled before. */
  hasTokenFile(): boolean {
    return existsSync(this.file("token.json"));
  }

  /** The raw text of the installation key file (validated by installationKey.ts), or null when there is none. */
  readInstallationKeyText(): string | null {
    const file = this.file(INSTALLATION_KEY_FILE);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  }
  /** 0600 like the token: together with the enroll secret it lets this machine be enrolled again. */
  writeInstallationKey(key: string): void {
    writeText(this.file(INSTALLATION_KEY_FILE), `${key}\n`, 0o600);
  }
  /** Keeps a damaged key file for a human (`installation-key.txt.corrupt`) and returns where. */
  setInstallationKeyAside(): string {
    const aside = `${this.file(INSTALLATION_KEY_FILE)}.corrupt`;
    renameSync(this.file(INSTALLATION_KEY_FILE), aside);
    return aside;
  }

  readBookmarks(): Bookmarks {
    return readJson(this.file("bookmarks.json"), bookmarksSchema, {});
  }
  writeBookmarks(bookmarks: Bookmarks): void {
    writeJson(this.file("bookmarks.json"), bookmarks);
  }

  readCounters(): Counters {
    return readJson(this.file("counters.json"), countersSchema, countersSchema.parse({}));
  }
  writeCounters(counters: Counters): void {
    writeJson(this.file("counters.json"), counters);
  }
}
