import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { zipStream } from "@/lib/read/bundle/zip";
import { bundleReadme } from "@/lib/read/bundle/readme";
import { bundleLogs } from "@/lib/read/bundle/logs";
import { unzip } from "../../../tests/support/unzip";

const mtime = new Date("2026-11-25T10:00:00Z");

describe("zipStream", () => {
  it("writes buffers and lazily opened streams, byte for byte", async () => {
    let opened = 0;
    const crlf = "Name: Windows(R)\r\nLicense Status: Licensed\r\n\u00e9\r\n";
    const body = zipStream(
      [
        { name: "dlv-latest.txt", content: crlf },
        {
          name: "events/application.xml",
          open: () => {
            opened += 1;
            return Readable.from(["<Event/>", "<Event/>", "\r\n"]);
          },
        },
        { name: "empty.xml", open: () => Readable.from([]) },
      ],
      mtime,
    );
    expect(opened).toBe(0);
    const files = await unzip(Buffer.from(await new Response(body).arrayBuffer()));
    expect(opened).toBe(1);
    expect(files.get("dlv-latest.txt")?.equals(Buffer.from(crlf, "utf8"))).toBe(true);
    expect(files.get("events/application.xml")?.toString()).toBe("<Event/><Event/>\r\n");
    expect(files.get("empty.xml")?.length).toBe(0);
  });

  it("destroys the opened sources when the download is cancelled", async () => {
    let destroyed = false;
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 65));
      },
      destroy(error, callback) {
        destroyed = true;
        callback(error);
      },
    });
    const reader = zipStream([{ name: "big.bin", open: () => endless }], mtime).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(destroyed).toBe(true);
  });
});

describe("bundleReadme", () => {
  it("names every file and what Microsoft support asks for", () => {
    const text = bundleReadme({
      kind: "host",
      fqdn: "kms01.corp.contoso.com",
      days: 30,
      from: mtime,
      now: mtime,
      hasDlv: true,
      logs: bundleLogs.host,
    });
    for (const name of ["dlv-latest.txt", "events/key-management-service.xml", "events/application.xml", "summary.json", "alerts.json"])
      expect(text).toContain(name);
    expect(text).toContain("Microsoft support");
    expect(text).toContain("slmgr.vbs /dlv");
    expect(text).toContain("\r\n");
  });
});
