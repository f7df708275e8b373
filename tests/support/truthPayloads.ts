// Hand-made agent payloads for the truth table's situations the simulator has no case for: real /dlv text
// and event XML (the shared fixtures, with this machine's values put in), posted through the agent API.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_FIXTURES } from "./fixtures";

const read = (...parts: string[]) => readFileSync(path.join(SHARED_FIXTURES, ...parts), "utf8");
const HOUR = 3_600_000;

/** A KMS client's /dlv: the registered-host fixture with this machine's CMID, host, status and key channel. */
export function clientDlv(o: {
  cmid: string;
  kmsHost: string;
  status?: string;
  expiryMin?: number;
  keyChannel?: "gvlk" | "retail";
  graceMin?: number;
}): string {
  let text = read("dlv", "client-kms-licensed-registered.en-US.txt")
    .replace(/2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b/, o.cmid)
    .replace(/kms01\.corp\.contoso\.com:1688/, `${o.kmsHost}:1688`);
  if (o.expiryMin !== undefined)
    text = text.replace(
      /Volume activation expiration: .*/,
      `Volume activation expiration: ${o.expiryMin} minute(s) (${Math.floor(o.expiryMin / 1440)} day(s))`,
    );
  if (o.status === "grace")
    text = text
      .replace(/License Status: Licensed/, "License Status: Initial grace period")
      .replace(/Volume activation expiration: .*/, `Time remaining: ${o.graceMin ?? 2000} minute(s) (1 day(s))`);
  if (o.status === "notification")
    text = text.replace(/License Status: Licensed/, "License Status: Notification").replace(/Volume activation expiration: .*\n/, "");
  if (o.keyChannel === "retail") text = text.replace("VOLUME_KMSCLIENT channel", "RETAIL channel").replace("Volume:GVLK", "Retail");
  return text;
}

/** The healthy KMS host /dlv fixture as is (its counters and count are a licensed host's). */
export function hostDlv(): string {
  return read("dlv", "kms-host-healthy.en-US.txt");
}

let recordId = 900_000;
const wrap = (channel: string, source: string, id: number, at: Date, computer: string, data: string) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' ` +
  `Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='${source}'/><EventID Qualifiers='16384'>${id}</EventID>` +
  `<Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords>` +
  `<TimeCreated SystemTime='${at.toISOString().replace("Z", "0000Z")}'/><EventRecordID>${recordId++}</EventRecordID><Correlation/>` +
  `<Execution ProcessID='0' ThreadID='0'/><Channel>${channel}</Channel><Computer>${computer}</Computer><Security/></System>` +
  `<EventData>${data}</EventData></Event>`;
const stamp = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ").replace(/-/g, "/");

/** A client's 12288 request to `kmsHost` at `at`, with the request's own code. */
export function request12288(computer: string, at: Date, o: { kmsHost: string; cmid: string; hresult?: string }): string {
  const data = `${o.hresult ?? "0x00000000"}, 0x00000000, ${o.kmsHost}:1688, ${o.cmid}, ${stamp(at)}, 0, 1, 249120, 73111121-5638-40f6-bc11-f1d7b0d64300, 25`;
  return wrap("Application", "Software Protection Platform Service", 12288, at, computer, `<Data>${data}</Data>`);
}

/** The host's answer (12289) as the client logs it: code, activated or not, the host's count. */
export function response12289(computer: string, at: Date, o: { hresult?: string; activated: boolean; count: number }): string {
  const data = `${o.hresult ?? "0x00000000"}, 0x00000000, ${o.activated ? 1 : 0}, 0, ${o.count}, 120, 10080, ${stamp(at)}`;
  return wrap("Application", "Software Protection Platform Service", 12289, at, computer, `<Data>${data}</Data>`);
}

/** A 12290 (request processed) in a host's Key Management Service log. */
export function host12290(computer: string, at: Date, o: { client: string; cmid: string; hresult?: string }): string {
  const hr = o.hresult ?? "0x0";
  const when = `${at.getUTCFullYear()}/${at.getUTCMonth() + 1}/${at.getUTCDate()} ${at.toISOString().slice(11, 16)}`;
  const fields = [hr, "25", o.client, o.cmid, when, "0", "1", "249120", "73111121-5638-40f6-bc11-f1d7b0d64300"];
  const data = `<Data>${fields.join(",")}</Data>${fields.map((f) => `<Data>${f}</Data>`).join("")}`;
  return wrap("Key Management Service", "KmsRequests", 12290, at, computer, data);
}

export const eventsArtifact = (log: "Application" | "Key Management Service", events: string[]) => ({
  type: "events",
  log,
  xml: `<Events>${events.join("")}</Events>`,
});
export const hoursAgo = (h: number, now = Date.now()) => new Date(now - h * HOUR);
export const newCmid = () => randomUUID();
