// The served OpenAPI document against the running routes: every example body the document's JSON
// Schema accepts is not refused with 400 by the route, and every body it rejects is; every status
// the routes answered is documented.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { requestExamples } from "../../lib/access/openapi/examples";
import { extraValidBodies, invalidBodies } from "../support/invalidBodies";
import { enrollMachine, getJson } from "./helpers";

type Operation = { requestBody: { content: { "application/json": { schema: { $ref: string } } } }; responses: Record<string, unknown> };
type Document = {
  openapi: string;
  paths: Record<string, { post: Operation }>;
  components: { schemas: Record<string, Parameters<typeof z.fromJSONSchema>[0]> };
};

let document: Document;
let token = "";

async function send(route: string, body: unknown, auth = true) {
  const response = await fetch(`${inject("baseUrl")}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth && token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  const answer = await getJson<Document>("/api/v1/openapi.json");
  expect(answer.status).toBe(200);
  document = answer.body;
  token = (await enrollMachine("OPENAPI")).token;
});

const operations = [
  { path: "/api/v1/enroll", schema: "EnrollRequest" },
  { path: "/api/v1/ingest", schema: "IngestRequest" },
  { path: "/api/v1/parse", schema: "ParseRequest" },
] as const;

describe("GET /api/v1/openapi.json", () => {
  it("is served without authentication", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(operations.map((o) => o.path).sort());
  });

  it.each(operations)("$path: the document and the route agree on valid and invalid bodies", async ({ path, schema }) => {
    const operation = document.paths[path]!.post;
    expect(operation.requestBody.content["application/json"].schema.$ref).toBe(`#/components/schemas/${schema}`);
    const validator = z.fromJSONSchema(document.components.schemas[schema]!);
    const bodies = [requestExamples[schema], ...extraValidBodies[schema], ...invalidBodies[schema]];
    const seen = new Set<string>();
    for (const body of bodies) {
      const documentAccepts = validator.safeParse(body).success;
      const status = await send(path, body);
      seen.add(String(status));
      expect(status === 400, `${path} ${JSON.stringify(body).slice(0, 160)} → ${status}`).toBe(!documentAccepts);
    }
    expect(seen.has("400")).toBe(true);
    for (const status of seen) expect(Object.keys(operation.responses), `${path} answered ${status}`).toContain(status);
  });

  it("documents the other answers the routes give (401, 413, 400 invalid_json)", async () => {
    const statuses: [string, number][] = [
      ["/api/v1/ingest", await send("/api/v1/ingest", requestExamples.IngestRequest, false)],
      ["/api/v1/parse", await send("/api/v1/parse", requestExamples.ParseRequest, false)],
      ["/api/v1/enroll", await send("/api/v1/enroll", { ...requestExamples.EnrollRequest, enrollSecret: "x".repeat(70_000) })],
      ["/api/v1/ingest", await send("/api/v1/ingest", "{not json")],
    ];
    expect(statuses.map(([, s]) => s)).toEqual([401, 401, 413, 400]);
    for (const [path, status] of statuses) expect(Object.keys(document.paths[path]!.post.responses)).toContain(String(status));
    expect(document.components.schemas).toHaveProperty("Error");
  });
});
