import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument, requestSchemas } from "@/lib/access/openapi/document";
import { requestExamples } from "@/lib/access/openapi/examples";
import { extraValidBodies, invalidBodies } from "../../../tests/support/invalidBodies";

const document = openApiDocument();
const schemas = document.components.schemas;

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, found);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with the three operations and their error answers", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(["/api/v1/enroll", "/api/v1/ingest", "/api/v1/parse"]);
    expect(Object.keys(document.paths["/api/v1/ingest"].post.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "413", "503"]),
    );
    expect(Object.keys(document.paths["/api/v1/parse"].post.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "413", "422"]),
    );
  });

  it("resolves every $ref and embeds no schema-local definitions", () => {
    for (const ref of refs(document)) expect(schemas, ref).toHaveProperty(ref.replace("#/components/schemas/", ""));
    expect(JSON.stringify(schemas)).not.toContain("$defs");
  });

  it("is exactly what the zod schemas generate today (no stale copy)", () => {
    expect(JSON.parse(JSON.stringify(openApiDocument()))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it.each(Object.keys(requestSchemas) as (keyof typeof requestSchemas)[])(
    "%s: the document's schema agrees with zod on valid and invalid bodies",
    (name) => {
      const fromDocument = z.fromJSONSchema(schemas[name] as Parameters<typeof z.fromJSONSchema>[0]);
      const cases = [requestExamples[name], ...extraValidBodies[name], ...invalidBodies[name]];
      for (const body of cases) {
        expect(fromDocument.safeParse(body).success, JSON.stringify(body).slice(0, 200)).toBe(requestSchemas[name].safeParse(body).success);
      }
      expect(requestSchemas[name].safeParse(requestExamples[name]).success).toBe(true);
    },
  );
});
