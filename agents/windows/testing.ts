// Test support for tests/integration/agent-windows*.test.ts: runs the real kmswatch-agent.ps1 in pwsh
// through tests/support/powershell/Invoke-AgentWithStandIns.ps1, which defines the Windows commands
// (Get-CimInstance, Get-WinEvent, cscript through Start-Process, TPM cmdlets) as replays of captures.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { testTempDir } from "../node/tempDir.ts";
import { findPwsh } from "./pwsh.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CAPTURES = path.join(ROOT, "tests/fixtures/agent");
const DRIVER = path.join(ROOT, "tests/support/powershell/Invoke-AgentWithStandIns.ps1");

export type PsMachine = { captureDir: string; stateDir: string; windowsDir: string; computerName: string; fqdn: string };
export type PsOptions = { noVbs?: boolean; dlvExitCode?: number; withTpm?: boolean; withOSLicense?: boolean };
export type PsRun = { code: number | null; stdout: string; stderr: string };

/** A temp copy of a captured machine, an empty state dir and a scratch %windir%, with a unique name. */
export function psMachine(capture: string, prefix: string): PsMachine {
  const root = testTempDir(prefix);
  const captureDir = path.join(root, "capture");
  cpSync(path.join(CAPTURES, capture), captureDir, { recursive: true });
  const windowsDir = path.join(root, "windows");
  mkdirSync(windowsDir);
  const computerName = `${prefix}-${randomUUID().slice(0, 8)}`.toUpperCase();
  return {
    captureDir,
    stateDir: path.join(root, "state"),
    windowsDir,
    computerName,
    fqdn: `${computerName}.corp.contoso.com`.toLowerCase(),
  };
}

let pwsh: string | null = null;

/** Starts the agent; `onOutput` sees its log lines (Write-Host goes to stdout) as they come. */
export function startWindowsAgent(
  m: PsMachine,
  agentArgs: Record<string, string | number | boolean>,
  options: PsOptions = {},
  onOutput?: (chunk: string, child: ChildProcess) => void,
): Promise<PsRun> {
  pwsh ??= findPwsh();
  const args = [
    "-NoProfile",
    "-NonInteractive",
    "-File",
    DRIVER,
    "-CaptureDir",
    m.captureDir,
    "-WindowsDir",
    m.windowsDir,
    "-ComputerName",
    m.computerName,
  ];
  if (options.noVbs) args.push("-NoVbs");
  if (options.dlvExitCode) args.push("-DlvExitCode", String(options.dlvExitCode));
  if (options.withTpm) args.push("-WithTpm");
  if (options.withOSLicense) args.push("-WithOSLicense");
  args.push("-AgentArgsJson", JSON.stringify({ StateDir: m.stateDir, NoProbe: true, ...agentArgs }));
  const child = spawn(pwsh, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
    onOutput?.(d.toString(), child);
  });
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** A Key Management Service log event Windows Server 2025 could write: an ID no document lists, rendered text kept. */
export function kmsReadinessWarning(recordId: number, eventId = 12352): string {
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' " +
    `Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='KmsRequests'/><EventID Qualifiers='32768'>${eventId}</EventID>` +
    "<Version>0</Version><Level>3</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords>" +
    `<TimeCreated SystemTime='2026-11-20T10:00:00.0000000Z'/><EventRecordID>${recordId}</EventRecordID><Correlation/>` +
    "<Execution ProcessID='0' ThreadID='0'/><Channel>Key Management Service</Channel><Computer>KMS01.corp.contoso.com</Computer><Security/></System>" +
    "<EventData/><RenderingInfo Culture='en-US'><Message>This device doesn't meet the requirements for using a KMS host with hardware-based security.</Message>" +
    "<Level>Warning</Level><Provider>Microsoft-Windows-Security-SPP</Provider></RenderingInfo></Event>"
  );
}

/** A host's 12290 event (a client's activation request) at `at`, laid out like the captured ones. */
export function kmsRequestEvent(recordId: number, client: string, at: Date): string {
  const cmid = "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d";
  const local = `${at.getUTCFullYear()}/${at.getUTCMonth() + 1}/${at.getUTCDate()} ${at.getUTCHours()}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  const data = ["0x0", "5", client, cmid, local, "0", "1", "251003", "9bd77860-9b31-4b7b-96ad-2564017315bf"];
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' " +
    "Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='KmsRequests'/><EventID Qualifiers='16384'>12290</EventID><Version>0</Version>" +
    `<Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='${at.toISOString()}'/>` +
    `<EventRecordID>${recordId}</EventRecordID><Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Key Management Service</Channel>` +
    `<Computer>KMS01.corp.contoso.com</Computer><Security/></System><EventData><Data>${data.join(",")}</Data>` +
    data.map((d) => `<Data>${d}</Data>`).join("") +
    "</EventData></Event>"
  );
}
