// Small JSON state files in the state dir: the agent token (mode 0600), per-log bookmarks, counters.
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

function writeJson(file: string, value: unknown, mode = 0o644): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode });
  // writeFileSync's mode only applies to a new file: enforce it on an existing temp file too.
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

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
