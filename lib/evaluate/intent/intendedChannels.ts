// The "intended channels" setting (MAK by intent): read by the client facts, edited by admins from the settings
// page. Each change is written to the audit log in the same transaction.
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { recordAudit, type AuditActor } from "@/lib/access/audit/record";
import type { IntendedChannelView } from "@/lib/evaluate/contract/settings";
import {
  describeIntendedEntry,
  intendedChannelKinds,
  type IntendedChannelInput,
  type IntendedChannelKind,
} from "@/lib/kms/intendedChannels";

export type { IntendedChannelView } from "@/lib/evaluate/contract/settings";

const kinds = new Set<string>(intendedChannelKinds);

export async function listIntendedChannels(): Promise<IntendedChannelView[]> {
  const rows = await db().intendedChannel.findMany({ orderBy: [{ channel: "asc" }, { createdAt: "asc" }] });
  // A row with a channel this version does not know (written by hand) is skipped, never a crash.
  return rows.flatMap((r) => {
    if (!kinds.has(r.channel)) return [];
    const entry = { channel: r.channel as IntendedChannelKind, machinePattern: r.machinePattern, domain: r.domain };
    return [{ ...entry, id: r.id, note: r.note, description: describeIntendedEntry(entry), createdAt: r.createdAt.toISOString() }];
  });
}

/** Adds an entry; the same channel and group twice is the existing entry (201 once, then 200). */
export async function addIntendedChannel(
  input: IntendedChannelInput,
  actor: AuditActor,
): Promise<{ entry: IntendedChannelView; created: boolean }> {
  const { channel, machinePattern, domain, note } = input;
  const created = await db().$transaction(async (tx) => {
    const existing = await tx.intendedChannel.findFirst({ where: { channel, machinePattern, domain }, select: { id: true } });
    if (existing) return null;
    const row = await tx.intendedChannel.create({
      data: { channel, machinePattern, domain, note, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "channel.intend",
      targetKind: "intended_channel",
      targetId: row.id,
      details: { intent: describeIntendedEntry(input), note },
    });
    return row.id;
  });
  const all = await listIntendedChannels();
  const entry = all.find((e) =>
    created ? e.id === created : e.channel === channel && e.machinePattern === machinePattern && e.domain === domain,
  );
  if (!entry) throw new ApiError("internal", "the intended channel was not stored");
  return { entry, created: created !== null };
}

export async function removeIntendedChannel(id: string, actor: AuditActor): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.intendedChannel.findUnique({ where: { id } });
    if (!row) throw new ApiError("not_found", "no such intended channel", "id");
    await tx.intendedChannel.deleteMany({ where: { id } });
    const entry = { channel: row.channel as IntendedChannelKind, machinePattern: row.machinePattern, domain: row.domain };
    await recordAudit(tx, {
      actor,
      action: "channel.unintend",
      targetKind: "intended_channel",
      targetId: id,
      details: { intent: describeIntendedEntry(entry) },
    });
  });
}
