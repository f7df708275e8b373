// A host's Key Management Service log events other than the documented 12288-12293 (hardware-secured readiness
// warnings have undocumented IDs): ID, level, provider and message text, read back from the stored raw XML.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { storedEventXml } from "@/lib/core/deflate";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { parseElementTree, type XmlElement } from "@/lib/ingest/parse/xml/elementTree";
import type { KmsLogEvent } from "@/lib/read/contract/activation2026";

export type { KmsLogEvent } from "@/lib/read/contract/activation2026";

const LEVELS = { 1: "Critical", 2: "Error", 3: "Warning", 4: "Information", 5: "Verbose" } as const;
const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);

export function describeRawEvent(raw: string): Pick<KmsLogEvent, "level" | "provider" | "message" | "rendered"> {
  const tree = parseElementTree(raw);
  if (!tree.ok) return { level: null, provider: null, message: null, rendered: false };
  const system = child(tree.root, "System");
  const levelNumber = Number(child(system, "Level")?.text.trim());
  const level = (LEVELS as Record<number, KmsLogEvent["level"]>)[levelNumber] ?? null;
  const provider = child(system, "Provider")?.attrs.Name ?? null;
  const message = child(child(tree.root, "RenderingInfo"), "Message")?.text.trim() || null;
  if (message) return { level, provider, message, rendered: true };
  const data = (child(tree.root, "EventData")?.children ?? []).map((d) => d.text.trim()).filter((t) => t !== "");
  return { level, provider, message: data.length ? data.join(", ") : null, rendered: false };
}

export async function getOtherKmsLogEvents(hostId: string, limit = 50): Promise<KmsLogEvent[]> {
  const rows = await queryRows<{
    event_id: number;
    record_id: string;
    time_created: Date;
    raw_xml: string | null;
    raw_xml_packed: Uint8Array | null;
  }>(Prisma.sql`
    SELECT event_id, record_id::text, time_created, raw_xml, raw_xml_packed FROM activation_event
     WHERE machine_id = ${hostId}::uuid AND log = 'Key Management Service' AND event_id NOT IN (12288, 12289, 12290, 12291, 12293, 12294)
     ORDER BY time_created DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    eventId: r.event_id,
    recordId: Number(r.record_id),
    timeCreated: r.time_created.toISOString(),
    ...describeRawEvent(storedEventXml(r)),
  }));
}
