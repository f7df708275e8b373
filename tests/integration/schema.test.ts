// The committed SQL migrations and prisma/schema.prisma must agree: the generated client
// writes and reads every model (and every column) against a database built only from the migrations.
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/core/generated/prisma/client";
import { packText } from "../../lib/core/deflate";
import { listMigrations } from "../../scripts/lib/migrate.ts";
import { sql, sqlOne } from "./helpers";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
afterAll(() => prisma.$disconnect());

describe("schema and migrations", () => {
  it("records every migration in Prisma's bookkeeping table", async () => {
    const rows = await sql<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(listMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("round-trips every model through the generated client", async () => {
    const at = new Date("2026-02-03T04:05:06.007Z");
    const machine = await prisma.machine.create({ data: { fqdn: "schema-check.contoso.com", hostname: "SCHEMA-CHECK", role: "client" } });
    const agent = await prisma.agent.create({
      data: { machineId: machine.id, tokenHash: "h".repeat(64), tokenPrefix: "kmsw_x", agentVersion: "1", lastSeenAt: at, revokedAt: at },
    });
    await prisma.ingestBatch.create({
      data: {
        agentId: agent.id,
        machineId: machine.id,
        collectedAt: at,
        agentVersion: "1",
        artifacts: 1,
        accepted: 1,
        duplicates: 0,
        rejected: 0,
      },
    });
    const raw = await prisma.rawArtifact.create({
      data: { machineId: machine.id, type: "dlv", contentHash: Buffer.from("c"), body: "text", firstSeenAt: at, lastSeenAt: at },
    });
    await prisma.snapshot.create({
      data: {
        machineId: machine.id,
        rawArtifactId: raw.id,
        source: "dlv",
        productKey: "k",
        contentHash: Buffer.from("c"),
        collectedAt: at,
        seen: { create: { lastSeenAt: at } },
        activationId: "a",
        name: "n",
        channel: "VOLUME_KMSCLIENT",
        productKeyChannel: "Volume:GVLK",
        partialProductKey: "2YT43",
        licenseStatus: "Licensed",
        graceRemainingMin: 1,
        expiresAt: at,
        notificationReason: null,
        isKmsHost: false,
        currentCount: 1,
        listeningPort: 1688,
        dnsPublishing: true,
        totalRequests: 1,
        failedRequests: 0,
        cmid: "c",
        kmsHost: "h",
        kmsPort: 1688,
        kmsHostSource: "dns",
        serviceVersion: "10",
        parsed: { ok: true },
      },
    });
    await prisma.activationEvent.create({
      data: {
        machineId: machine.id,
        log: "Application",
        recordId: 9_007_199_254_740_993n,
        eventId: 12288,
        timeCreated: at,
        hresult: "0x00000000",
        kmsHost: "h",
        kmsPort: 1688,
        cmid: "c",
        isVm: false,
        licenseStatus: "Licensed",
        activationId: "a",
        minCount: 25,
        clientFqdn: "f",
        activated: true,
        hostCurrentCount: 50,
        domain: "d",
        rawXmlPacked: new Uint8Array(packText("<Event/>", "eventXml")),
      },
    });
    await prisma.quarantinedArtifact.create({
      data: { machineId: machine.id, artifactIndex: 0, type: "dlv", error: "e", body: JSON.stringify({ a: "\u0000" }) },
    });

    const loaded = await prisma.machine.findUniqueOrThrow({
      where: { id: machine.id },
      include: { agents: true, batches: true, rawArtifacts: true, snapshots: true, events: true, quarantine: true },
    });
    expect(loaded.events[0]!.recordId).toBe(9_007_199_254_740_993n);
    expect(loaded.snapshots[0]!.expiresAt?.toISOString()).toBe(at.toISOString());
    expect(loaded.agents[0]).toMatchObject({ tokenPrefix: "kmsw_x", revokedAt: at });
    expect([loaded.batches, loaded.rawArtifacts, loaded.snapshots, loaded.quarantine].map((rows) => rows.length)).toEqual([1, 1, 1, 1]);

    await prisma.machine.delete({ where: { id: machine.id } });
    const left = await sql(`SELECT 1 FROM activation_event WHERE machine_id = $1`, [machine.id]);
    expect(left).toEqual([]);
  });

  it("round-trips a machine's activation facts, removed with the machine", async () => {
    const at = new Date("2026-02-03T04:05:06.007Z");
    const machine = await prisma.machine.create({ data: { fqdn: "facts-check.contoso.com", hostname: "FACTS-CHECK", role: "client" } });
    const facts = {
      requestAt: at,
      requestHresult: "0x800706BA",
      requestHost: "kms01.contoso.com",
      requestPort: 1688,
      requestAnswered: false,
      responseAt: at,
      responseHresult: "0x0",
      responseActivated: true,
      responseHostCount: 50,
      responseMinCount: 25,
      renewalAt: at,
      probeAt: at,
      probeSrvFound: true,
      probeTcpOk: false,
      probeHost: "kms01.contoso.com",
      probePort: 1688,
    };
    await prisma.machineActivationFacts.create({ data: { machineId: machine.id, ...facts } });
    expect(await prisma.machineActivationFacts.findUniqueOrThrow({ where: { machineId: machine.id } })).toEqual({
      machineId: machine.id,
      ...facts,
    });
    const report = { kind: "tpm", collectedAt: at, body: { present: true, keyAttestation: null }, error: "x", updatedAt: at };
    await prisma.machineReport.create({ data: { machineId: machine.id, ...report } });
    expect(await prisma.machineReport.findUniqueOrThrow({ where: { machineId_kind: { machineId: machine.id, kind: "tpm" } } })).toEqual({
      machineId: machine.id,
      ...report,
    });
    await prisma.machine.delete({ where: { id: machine.id } });
    expect(await prisma.machineActivationFacts.count({ where: { machineId: machine.id } })).toBe(0);
    expect(await prisma.machineReport.count({ where: { machineId: machine.id } })).toBe(0);
  });

  it("vacuums activation_event by inserted rows, so its index-only reads stay index-only", async () => {
    const table = await sqlOne<{ reloptions: string[] }>("SELECT reloptions FROM pg_class WHERE relname = 'activation_event'");
    expect(table.reloptions).toEqual(
      expect.arrayContaining(["autovacuum_vacuum_insert_threshold=20000", "autovacuum_vacuum_insert_scale_factor=0"]),
    );
  });

  it("indexes no column an unchanged check-in moves, so its updates stay on the row's page (HOT)", async () => {
    // touchUnchanged.ts: the columns written every hour for every machine.
    const moved = {
      snapshot_seen: ["last_seen_at"],
      machine: ["last_seen_at"],
      agent: ["last_seen_at", "agent_version", "unchanged_checkins", "unchanged_accepted"],
    };
    const blocking = await sql<{ index: string; column: string }>(
      `SELECT i.indexrelid::regclass::text AS index, a.attname AS column
         FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid
         JOIN json_each($1::json) t ON t.key = i.indrelid::regclass::text AND a.attname IN (SELECT json_array_elements_text(t.value))
        WHERE a.attnum = ANY(i.indkey::int2[])
           OR coalesce(pg_get_expr(i.indpred, i.indrelid), '') ~ ('\\m' || a.attname || '\\M')
           OR coalesce(pg_get_expr(i.indexprs, i.indrelid), '') ~ ('\\m' || a.attname || '\\M')`,
      [JSON.stringify(moved)],
    );
    expect(blocking).toEqual([]);
    // The narrow seen rows keep room on their page for the moved version; snapshot rows never move, so their pages fill.
    const options = await sql<{ relname: string; reloptions: string[] | null }>(
      "SELECT relname, reloptions FROM pg_class WHERE relname IN ('snapshot', 'snapshot_seen') ORDER BY relname",
    );
    expect(options).toEqual([
      { relname: "snapshot", reloptions: ["fillfactor=100"] },
      { relname: "snapshot_seen", reloptions: ["fillfactor=80"] },
    ]);
    // No column of the wide snapshot row is moved by a check-in any more.
    const snapshotColumns = await sql<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'snapshot' AND column_name = 'last_seen_at'",
    );
    expect(snapshotColumns).toEqual([]);
  });

  it("stores new raw artifacts compressed and reads every form back (text, deflate, pruned)", async () => {
    const { deflateText, storedText } = await import("../../lib/core/deflate");
    const machine = await prisma.machine.create({ data: { fqdn: "schema-deflate.contoso.com", hostname: "SCHEMA-DEFLATE" } });
    const text = "Name: Windows(R), Enterprise edition\r\n".repeat(30);
    const [row] = await sql<{ id: string }>(
      `INSERT INTO raw_artifact (id, machine_id, type, content_hash, body_deflate, first_seen_at, last_seen_at)
       VALUES (gen_random_uuid(), $1, 'dlv', 'schema-deflate', $2, now(), now()) RETURNING id`,
      [machine.id, deflateText(text)],
    );
    const stored = await prisma.rawArtifact.findUniqueOrThrow({ where: { id: row?.id } });
    expect(storedText(stored)).toBe(text);
    expect(stored.bodyDeflate?.length).toBeLessThan(text.length / 4);
    // A row with neither form must say it was pruned.
    await expect(sql("UPDATE raw_artifact SET body_deflate = NULL WHERE id = $1", [row?.id])).rejects.toThrow(/raw_artifact_body_check/);
    await prisma.machine.delete({ where: { id: machine.id } });
  });

  it("round-trips the sighting tables", async () => {
    const at = new Date("2026-02-03T04:05:06.007Z");
    await prisma.cmidSighting.create({ data: { cmid: "schema-cmid", machine: "a.contoso.com", firstSeenAt: at, lastSeenAt: at } });
    await prisma.kmsHostSighting.create({
      data: { host: "kms.contoso.com", source: "test", client: "a.contoso.com", firstSeenAt: at, lastSeenAt: at },
    });
    expect(
      await prisma.cmidSighting.findUniqueOrThrow({
        where: { cmid_machine_kmsHost: { cmid: "schema-cmid", machine: "a.contoso.com", kmsHost: "" } },
      }),
    ).toMatchObject({ lastSeenAt: at });
    await prisma.cmidSighting.deleteMany({ where: { cmid: "schema-cmid" } });
    await prisma.kmsHostSighting.deleteMany({ where: { source: "test" } });
  });

  it("round-trips the intended channel setting", async () => {
    const row = await prisma.intendedChannel.create({
      data: { channel: "MAK", machinePattern: "LT-*", domain: "schema.contoso.com", note: "n" },
    });
    expect(await prisma.intendedChannel.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      channel: "MAK",
      machinePattern: "LT-*",
      domain: "schema.contoso.com",
      note: "n",
      createdById: null,
    });
    await prisma.intendedChannel.delete({ where: { id: row.id } });
  });
});
