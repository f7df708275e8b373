// The spool: every collection is written here before any send, and deleted only after a 200.
// File names sort by collection time then a persistent counter, so "oldest first" is a name sort.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export type SpoolEntry = { name: string; bytes: number; collectedAtMs: number };

const NAME_RE = /^(\d{8}T\d{9}Z)-(\d{10})\.json$/;

/** `20261125T100000123Z-0000000042.json` for a collection at 2026-11-25T10:00:00.123Z, counter 42. */
export function spoolName(collectedAt: Date, counter: number): string {
  const stamp = collectedAt.toISOString().replace(/[-:]/g, "").replace(".", "");
  return `${stamp}-${String(counter).padStart(10, "0")}.json`;
}

export function timeOfName(name: string): number | null {
  const match = NAME_RE.exec(name);
  if (!match) return null;
  const s = match[1]!;
  return Date.parse(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  );
}

export function sortOldestFirst(entries: SpoolEntry[]): SpoolEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Which payloads to drop so the spool fits its bounds: first everything older than the age limit,
 * then the oldest until the total size fits. The newest payload is always kept, even when it alone
 * is over the size bound, so the latest state of the machine still gets a chance to be sent.
 */
export function planSpoolDrops(entries: SpoolEntry[], nowMs: number, maxBytes: number, maxAgeMs: number): string[] {
  const ordered = sortOldestFirst(entries);
  const drops: string[] = [];
  let total = ordered.reduce((n, e) => n + e.bytes, 0);
  for (let i = 0; i < ordered.length - 1; i += 1) {
    const entry = ordered[i]!;
    if (nowMs - entry.collectedAtMs > maxAgeMs || total > maxBytes) {
      drops.push(entry.name);
      total -= entry.bytes;
    }
  }
  return drops;
}

export class Spool {
  readonly dir: string;
  readonly rejectedDir: string;
  constructor(stateDir: string) {
    this.dir = path.join(stateDir, "spool");
    this.rejectedDir = path.join(stateDir, "rejected");
  }

  /** Written to a temporary name and renamed, so a crash never leaves a half payload to send. */
  write(name: string, body: string): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `${name}.tmp`);
    writeFileSync(tmp, body);
    renameSync(tmp, path.join(this.dir, name));
  }

  list(): SpoolEntry[] {
    if (!existsSync(this.dir)) return [];
    const entries: SpoolEntry[] = [];
    for (const name of readdirSync(this.dir)) {
      const time = timeOfName(name);
      if (time === null) continue;
      entries.push({ name, bytes: statSync(path.join(this.dir, name)).size, collectedAtMs: time });
    }
    return sortOldestFirst(entries);
  }

  pathOf(name: string): string {
    return path.join(this.dir, name);
  }

  remove(name: string): void {
    rmSync(this.pathOf(name), { force: true });
  }

  /** A payload the server refused (400/413) is kept aside with the answer, never retried, never lost. */
  reject(name: string, reason: string): string {
    mkdirSync(this.rejectedDir, { recursive: true });
    const target = path.join(this.rejectedDir, name);
    renameSync(this.pathOf(name), target);
    writeFileSync(`${target}.error.txt`, `${reason}\n`);
    return target;
  }
}
