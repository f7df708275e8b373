// Event XML exactly as `wevtutil qe <log> /f:xml` prints it (see fixtures/events): single quotes,
// no declaration, one <Event> per record, back to back, one CRLF at the very end.
import { clientTimeHost, clientTimePadded, hex8, hexShort, systemTime } from "./format";
import type { SimEvent } from "./types";

export type EventLogName = "Application" | "Key Management Service";

const PROVIDER_NAME = "Microsoft-Windows-Security-SPP";
const PROVIDER_GUID = "{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}";
const NS = "http://schemas.microsoft.com/win/2004/08/events/event";

export function eventLog(e: SimEvent): EventLogName {
  return e.eventId === 12290 ? "Key Management Service" : "Application";
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");
}

/** The `<Data>` values of an event, in the order the sppsvc message table expects them. */
export function eventData(e: SimEvent): string[] {
  switch (e.eventId) {
    case 12288:
      return [
        [
          hex8(e.hr),
          hex8(e.status),
          `${e.server}:${e.port}`,
          e.cmid,
          clientTimePadded(e.clientTime),
          e.isVm ? "1" : "0",
          String(e.licenseStatus),
          String(e.minutesToExpiry),
          e.actId,
          String(e.minCount),
        ].join(", "),
      ];
    case 12289:
      return [
        [
          hex8(e.hr),
          hex8(e.status),
          e.activated ? "1" : "0",
          "0",
          String(e.count),
          String(e.activationInterval),
          String(e.renewalInterval),
          clientTimePadded(e.clientTime),
        ].join(", "),
      ];
    case 12290: {
      // Data[0] is the comma-joined string the message shows; Data[1..9] repeat the fields one by one.
      const fields = [
        hexShort(e.hr),
        String(e.minCount),
        e.clientFqdn,
        e.cmid,
        clientTimeHost(e.clientTime),
        e.isVm ? "1" : "0",
        String(e.licenseStatus),
        String(e.minutesToExpiry),
        e.actId,
      ];
      return [fields.join(","), ...fields];
    }
    case 12293:
      return [hex8(e.hr), e.domain];
  }
}

export function renderEvent(e: SimEvent): string {
  const log = eventLog(e);
  const source = log === "Key Management Service" ? "KmsRequests" : "Software Protection Platform Service";
  const data = eventData(e)
    .map((d) => `<Data>${escapeXml(d)}</Data>`)
    .join("");
  return (
    `<Event xmlns='${NS}'><System><Provider Name='${PROVIDER_NAME}' Guid='${PROVIDER_GUID}' EventSourceName='${source}'/>` +
    `<EventID Qualifiers='16384'>${e.eventId}</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>` +
    `<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='${systemTime(e.time, e.ticks)}'/>` +
    `<EventRecordID>${e.recordId}</EventRecordID><Correlation/><Execution ProcessID='0' ThreadID='0'/>` +
    `<Channel>${log}</Channel><Computer>${escapeXml(e.computer)}</Computer><Security/></System>` +
    `<EventData>${data}</EventData></Event>`
  );
}

/** Several events of one log as one wevtutil capture. */
export function renderEvents(events: readonly SimEvent[]): string {
  return events.length === 0 ? "" : `${events.map(renderEvent).join("")}\r\n`;
}
