// One event log of a machine for a window, as wevtutil prints it (`wevtutil qe <log> /f:xml`): every
// stored <Event> exactly as received, back to back in EventRecordID order, then a CRLF. Read through
// a cursor so a busy host's 30 days of 12290 never sit in memory.
import "server-only";
import { Readable } from "node:stream";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { storedEventXml } from "@/lib/core/deflate";
import { cursorBatches } from "@/lib/read/export/cursor";
import type { BundleLog } from "@/lib/read/bundle/logs";

export function eventXmlQuery(machineId: string, log: BundleLog, from: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT raw_xml, raw_xml_packed FROM activation_event
     WHERE machine_id = ${machineId}::uuid AND log = ${log.log} AND event_id = ANY(${log.eventIds}::int[])
       AND time_created > ${from}
     ORDER BY record_id`;
}

async function* eventXmlChunks(machineId: string, log: BundleLog, from: Date): AsyncGenerator<string> {
  let any = false;
  for await (const batch of cursorBatches<{ raw_xml: string | null; raw_xml_packed: Uint8Array | null }>(
    eventXmlQuery(machineId, log, from),
    500,
  )) {
    any = true;
    yield batch.map(storedEventXml).join("");
  }
  if (any) yield "\r\n";
}

/** Lazy: the cursor opens only when the zip writer reaches this entry; destroy() closes it. */
export function eventXmlStream(machineId: string, log: BundleLog, from: Date): Readable {
  return Readable.from(eventXmlChunks(machineId, log, from), { objectMode: false });
}
