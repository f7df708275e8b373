// The alert and notification tables as the migration builds them: the generated client writes and reads
// every new model and column, and the foreign keys cascade or set null as designed.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/core/generated/prisma/client";
import { sql } from "./helpers";

const TAG = randomUUID().slice(0, 8);

describe("schema of the alert and notification tables", () => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
  afterAll(() => prisma.$disconnect());

  it("round-trips every new model and cascades deletes", async () => {
    const at = new Date("2026-02-03T04:05:06.007Z");
    const machine = await prisma.machine.create({
      data: { fqdn: `alert-schema-${TAG}.contoso.com`, hostname: "ALERT-SCHEMA", role: "client" },
    });
    const user = await prisma.user.create({ data: { email: `alert-schema-${TAG}@contoso.example`, name: "x", passwordHash: "h" } });
    const finding = { ruleId: "r", severity: "warning", subject: { kind: "client", machineId: machine.id, fqdn: machine.fqdn } };
    const alert = await prisma.alert.create({
      data: {
        ruleId: "r",
        subjectKind: "client",
        machineId: machine.id,
        severity: "warning",
        title: "t",
        state: "acknowledged",
        firstSeenAt: at,
        lastSeenAt: at,
        resolvedAt: at,
        snoozedUntil: at,
        lastFinding: finding,
        events: {
          create: [
            { at, fromState: null, toState: "open", actor: "system", notifyPending: true },
            { at, fromState: "open", toState: "acknowledged", actorId: user.id, actor: user.email, note: "n" },
          ],
        },
      },
    });
    const channel = await prisma.notificationChannel.create({
      data: { kind: "teams", name: "t", config: { url: "https://x" }, enabled: false, createdAt: at },
    });
    await prisma.notificationDelivery.create({
      data: {
        channelId: channel.id,
        createdAt: at,
        alertIds: [alert.id],
        payload: { items: [] },
        status: "failed",
        attempts: 6,
        lastError: "e",
        attemptLog: [{ ok: false }],
        nextAttemptAt: at,
        sentAt: at,
      },
    });
    const loaded = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id }, include: { events: { orderBy: { toState: "asc" } } } });
    expect(loaded).toMatchObject({ state: "acknowledged", snoozedUntil: at, lastFinding: finding });
    expect(loaded.events.map((e) => e.actor)).toEqual(["system", user.email]);
    const delivery = await prisma.notificationDelivery.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(delivery).toMatchObject({ alertIds: [alert.id], status: "failed", attempts: 6, attemptLog: [{ ok: false }] });

    await prisma.user.delete({ where: { id: user.id } });
    const kept = await prisma.alertEvent.findMany({ where: { alertId: alert.id, actorId: null } });
    expect(kept).toHaveLength(2);
    await prisma.machine.delete({ where: { id: machine.id } });
    await prisma.notificationChannel.delete({ where: { id: channel.id } });
    expect(await sql(`SELECT 1 FROM alert_event WHERE alert_id = $1`, [alert.id])).toEqual([]);
    expect(await sql(`SELECT 1 FROM notification_delivery WHERE channel_id = $1`, [channel.id])).toEqual([]);
  });
});
