import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fetchJson, FetchError } from "./fetchJson";

// A real HTTP server on the loopback: each path answers a fixed status and body.
const answers: Record<string, [number, string]> = {
  "/ok": [200, JSON.stringify({ hosts: [{ id: "h1", count: 3 }] })],
  "/drifted": [200, JSON.stringify({ hosts: [{ id: "h1", count: "3" }] })],
  "/refused": [403, JSON.stringify({ error: { code: "forbidden", message: "admins only", path: null } })],
};
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    const [status, body] = answers[request.url ?? ""] ?? [404, ""];
    response.writeHead(status, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const hostsSchema = z.object({ hosts: z.array(z.object({ id: z.string(), count: z.number().int() })) });

describe("fetchJson", () => {
  it("returns the answer parsed with its schema", async () => {
    await expect(fetchJson(`${base}/ok`, hostsSchema)).resolves.toEqual({ hosts: [{ id: "h1", count: 3 }] });
  });

  it("turns an answer that breaks its contract into a bad_response error naming the field", async () => {
    const error = await fetchJson(`${base}/drifted`, hostsSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ status: 200, code: "bad_response" });
    expect((error as FetchError).message).toContain("hosts.0.count");
  });

  it("keeps the API's error code and message for an error answer", async () => {
    await expect(fetchJson(`${base}/refused`, hostsSchema)).rejects.toMatchObject({
      status: 403,
      code: "forbidden",
      message: "admins only",
    });
  });

  it("without a schema, gives the body as it came", async () => {
    await expect(fetchJson(`${base}/drifted`)).resolves.toEqual({ hosts: [{ id: "h1", count: "3" }] });
  });
});
