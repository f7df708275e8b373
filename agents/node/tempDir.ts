// Temporary directories for tests, removed after the test file that made them, so runs leave nothing in /tmp.
// Test files run with their own module registry, so this module (and its afterAll) is per file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const created: string[] = [];

afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function testTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `kmswatch-${prefix}-`));
  created.push(dir);
  return dir;
}
