// A watchdog that makes the app's child processes die with it. `kill -9` of `npm start` cannot be caught, and its
// children (next-server, the embedded PostgreSQL) would live on under PID 1, holding the port and the data
// directory. The guardian is a tiny separate process reading a pipe from us: when the pipe closes (our process
// ended, however it ended) it stops every process still registered, then exits. It ignores SIGINT/SIGTERM so a
// Ctrl-C or a process-group kill cannot take it down before it has done its work.
import { spawn } from "node:child_process";
import type { Socket } from "node:net";

const GUARDIAN_SOURCE = `
const watched = new Map();
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
let buffer = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buffer += chunk;
  let newline;
  while ((newline = buffer.indexOf("\\n")) >= 0) {
    const [verb, pid, signal] = buffer.slice(0, newline).split(" ");
    buffer = buffer.slice(newline + 1);
    if (verb === "watch") watched.set(Number(pid), signal || "SIGTERM");
    if (verb === "unwatch") watched.delete(Number(pid));
  }
});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; } };
process.stdin.on("end", () => {
  if (watched.size === 0) process.exit(0);
  for (const [pid, signal] of watched) {
    if (!alive(pid)) continue;
    console.error("[guardian] kmswatch ended without stopping process " + pid + ": sending " + signal);
    try { process.kill(pid, signal); } catch {}
  }
  const deadline = Date.now() + 10000;
  const timer = setInterval(() => {
    const left = [...watched.keys()].filter(alive);
    if (left.length === 0) process.exit(0);
    if (Date.now() > deadline) {
      for (const pid of left) { try { process.kill(pid, "SIGKILL"); } catch {} }
      process.exit(0);
    }
  }, 100);
});
`;

export type Guardian = { watch: (pid: number, signal: NodeJS.Signals) => void; unwatch: (pid: number) => void };

export function startGuardian(): Guardian {
  const child = spawn(process.execPath, ["-e", GUARDIAN_SOURCE], { detached: true, stdio: ["pipe", "ignore", "inherit"] });
  child.unref();
  const pipe = child.stdin as unknown as Socket;
  pipe.unref(); // the pipe alone must not keep our process running
  pipe.on("error", () => undefined);
  const send = (line: string) => {
    if (!pipe.destroyed) pipe.write(`${line}\n`);
  };
  return {
    watch: (pid, signal) => send(`watch ${pid} ${signal}`),
    unwatch: (pid) => send(`unwatch ${pid}`),
  };
}
