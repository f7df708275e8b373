// Test support for the integration tests (tests/integration/agent-*.test.ts): build the agent bundle
// once, lay out captured directories, add generated events, run the agent as a child process.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { buildAgent } from "./build.ts";
import { testTempDir } from "./tempDir.ts";

const CAPTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/agent");
let bundle: Promise<string> | null = null;

export function agentBundle(): Promise<string> {
  bundle ??= buildAgent(path.join(testTempDir("agent-bin"), "kmswatch-agent.mjs"));
  return bundle;
}

export type Workspace = { captureDir: string; stateDir: string; fqdn: string };

/** A temp copy of a captured directory plus an empty state dir, for a machine with a unique FQDN. */
export function workspace(capture: string, prefix: string): Workspace {
  const root = testTempDir(prefix);
  const captureDir = path.join(root, "capture");
  cpSync(path.join(CAPTURES, capture), captureDir, { recursive: true });
  return { captureDir, stateDir: path.join(root, "state"), fqdn: `${prefix}-${randomUUID().slice(0, 8)}.corp.contoso.com`.toLowerCase() };
}

/** A client 12288 event as wevtutil prints it, with the given EventRecordID. */
export function clientEvent(recordId: number): string {
  const minute = String(recordId % 60).padStart(2, "0");
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' " +
    "Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='Software Protection Platform Service'/><EventID Qualifiers='16384'>12288</EventID>" +
    "<Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords>" +
    `<TimeCreated SystemTime='2026-11-20T10:${minute}:00.0000000Z'/><EventRecordID>${recordId}</EventRecordID><Correlation/>` +
    "<Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>WS-GEN.corp.contoso.com</Computer><Security/></System>" +
    "<EventData><Data>0x00000000, 0x00000000, kms01.corp.contoso.com:1688, 5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13, " +
    `2026/11/20 10:${minute}, 0, 1, 249120, 73111121-5638-40f6-bc11-f1d7b0d64300, 25</Data></EventData></Event>`
  );
}

/** Appends `count` new events (ids from `firstId`) as one more captured file, back-to-back like wevtutil. */
export function addEvents(dir: string, firstId: number, count: number): number[] {
  const ids = Array.from({ length: count }, (_, i) => firstId + i);
  writeFileSync(path.join(dir, `generated-${String(firstId).padStart(9, "0")}.xml`), ids.map(clientEvent).join("\r\n"));
  return ids;
}

export function spoolFiles(stateDir: string): string[] {
  const dir = path.join(stateDir, "spool");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(".json"))
        .sort()
    : [];
}

export type AgentRun = { code: number | null; stdout: string; stderr: string };

/** Starts the built agent; `onStderr` sees its log lines as they come (to act mid-run). */
export async function startAgent(
  args: string[],
  onStderr?: (chunk: string, child: ChildProcess) => void,
): Promise<{ child: ChildProcess; done: Promise<AgentRun> }> {
  const child = spawn(process.execPath, [await agentBundle(), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
    onStderr?.(d.toString(), child);
  });
  const done = new Promise<AgentRun>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** One run of the agent on the workspace's captures against `server`, then `extra` arguments. */
export function agentArgs(ws: Workspace, server: string, extra: string[] = []): string[] {
  return ["--server", server, "--from-dir", ws.captureDir, "--state-dir", ws.stateDir, "--fqdn", ws.fqdn, "--once", "--no-probe", ...extra];
}

export async function runAgent(ws: Workspace, server: string, extra: string[] = []): Promise<AgentRun> {
  return (await startAgent(agentArgs(ws, server, extra))).done;
}
