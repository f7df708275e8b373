// Every shared fixture goes through enroll + ingest over HTTP and lands in the expected rows.
import { describe, expect, it } from "vitest";
import { countFor, enrollMachine, envelope, fixture, fixtureNames, post, sqlOne } from "./helpers";
import { storedEventXml, storedText } from "../../lib/core/deflate";

type IngestBody = { accepted: number; duplicates: number; rejected: { index: number; error: string }[] };

describe("ingest of the reference fixtures", () => {
  it.each(fixtureNames("dlv", ".txt").filter((name) => !name.includes("cp850")))("stores /dlv %s", async (name) => {
    const agent = await enrollMachine("DLV");
    const answer = await post<IngestBody>("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", name) }]), agent.token);
    expect(answer.status).toBe(200);
    expect(answer.body.rejected).toEqual([]);
    expect(answer.body.accepted).toBe(1);
    expect(await countFor("snapshot", agent.fqdn)).toBe(1);
    expect(await countFor("raw_artifact", agent.fqdn)).toBe(1);
  });

  it("stores the healthy KMS host /dlv with its parsed columns and raw text", async () => {
    const agent = await enrollMachine("KMS");
    const text = fixture("dlv", "kms-host-healthy.en-US.txt");
    await post("/api/v1/ingest", envelope([{ type: "dlv", text }]), agent.token);
    const row = await sqlOne(
      `SELECT s.is_kms_host, s.current_count, s.listening_port, s.dns_publishing, s.total_requests, s.failed_requests,
              s.license_status, s.channel, s.partial_product_key, r.body, r.body_deflate, r.body_packed, m.role
         FROM snapshot s JOIN raw_artifact r ON r.id = s.raw_artifact_id JOIN machine m ON m.id = s.machine_id
        WHERE m.fqdn = $1`,
      [agent.fqdn],
    );
    expect(row).toMatchObject({
      is_kms_host: true,
      current_count: 50,
      listening_port: 1688,
      dns_publishing: true,
      total_requests: 18342,
      failed_requests: 37,
      license_status: "Licensed",
      channel: "VOLUME_KMS_WS22",
      partial_product_key: "7QXHV",
      role: "kms_host",
    });
    // Stored packed with the /dlv dictionary (nothing kept as plain text), and read back byte for byte.
    expect(row?.body).toBeNull();
    expect(row?.body_deflate).toBeNull();
    const packed = row?.body_packed as Buffer;
    expect(packed.length).toBeLessThan(text.length / 5);
    expect(storedText({ body: null, bodyDeflate: null, bodyPacked: packed })).toBe(text);
  });

  it("stores a client /dlv with CMID and the KMS host it used", async () => {
    const agent = await enrollMachine("CLI");
    await post("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }]), agent.token);
    const row = await sqlOne(
      `SELECT s.cmid, s.kms_host, s.kms_port, s.kms_host_source, s.channel, s.expires_at IS NOT NULL AS has_expiry, m.role
         FROM snapshot s JOIN machine m ON m.id = s.machine_id WHERE m.fqdn = $1`,
      [agent.fqdn],
    );
    expect(row).toMatchObject({
      cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
      kms_host: "kms01.corp.contoso.com",
      kms_port: 1688,
      kms_host_source: "dns",
      channel: "VOLUME_KMSCLIENT",
      has_expiry: true,
      role: "client",
    });
  });

  it("stores CIM snapshots (service + products)", async () => {
    const agent = await enrollMachine("CIM");
    const service = JSON.parse(fixture("cim", "kms01-host.SoftwareLicensingService.json"));
    const products = [JSON.parse(fixture("cim", "kms01-host.SoftwareLicensingProduct.json"))];
    const answer = await post<IngestBody>("/api/v1/ingest", envelope([{ type: "cim", service, products }]), agent.token);
    expect(answer.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const row = await sqlOne(
      `SELECT s.source, s.is_kms_host, s.current_count, s.listening_port FROM snapshot s JOIN machine m ON m.id = s.machine_id WHERE m.fqdn = $1`,
      [agent.fqdn],
    );
    expect(row).toMatchObject({ source: "cim", is_kms_host: true, current_count: 50, listening_port: 1688 });
  });

  it("stores every event of every event fixture exactly once", async () => {
    const files = fixtureNames("events", ".xml").filter((name) => !name.includes(".rooted.") && !name.includes("renderedxml"));
    const agent = await enrollMachine("EVT");
    const artifacts = files.map((name) => ({
      type: "events",
      log: name.startsWith("host-kms01") || name.startsWith("host-12290") ? "Key Management Service" : "Application",
      xml: fixture("events", name),
    }));
    const first = await post<IngestBody>("/api/v1/ingest", envelope(artifacts), agent.token);
    expect(first.status).toBe(200);
    expect(first.body.rejected).toEqual([]);
    // 8 in the multi-event log + one per single-event file.
    const expected = 8 + files.length - 1;
    const stored = await countFor("activation_event", agent.fqdn);
    expect(stored).toBeGreaterThan(0);
    expect(first.body.accepted + first.body.duplicates).toBe(expected);
    expect(stored).toBe(first.body.accepted);

    const rooted = await post<IngestBody>(
      "/api/v1/ingest",
      envelope([
        { type: "events", log: "Key Management Service", xml: fixture("events", "host-kms01-keymanagementservice-log.multi.rooted.xml") },
      ]),
      agent.token,
    );
    expect(rooted.body).toEqual({ accepted: 0, duplicates: 8, rejected: [] });
    expect(await countFor("activation_event", agent.fqdn)).toBe(stored);

    const event = await sqlOne(
      `SELECT e.event_id, e.hresult, e.min_count, e.client_fqdn, e.cmid, e.is_vm, e.license_status, e.raw_xml, e.raw_xml_packed
         FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = $1 AND e.record_id = 884212`,
      [agent.fqdn],
    );
    expect(event).toMatchObject({
      event_id: 12290,
      hresult: "0x00000000",
      min_count: 25,
      client_fqdn: "ws-fin-0142.corp.contoso.com",
      cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
      is_vm: false,
      license_status: "Licensed",
    });
    // Packed with the event dictionary, nothing kept as plain text; the support bundle test reads it back byte for byte.
    expect(event.raw_xml).toBeNull();
    const xml = storedEventXml(event as { raw_xml: null; raw_xml_packed: Buffer });
    expect(xml).toContain("<EventRecordID>884212</EventRecordID>");
    expect(fixture("events", "host-kms01-keymanagementservice-log.multi.xml")).toContain(xml);
    expect((event.raw_xml_packed as Buffer).length).toBeLessThan(xml.length / 4);
  });
});
