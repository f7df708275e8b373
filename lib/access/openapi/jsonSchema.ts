// JSON Schemas (2020-12, as OpenAPI 3.1 uses) generated from the protocol's zod schemas: the
// document cannot drift from what the routes validate, because both read the same zod objects.
import { z } from "zod";
import { artifactSchema, knownArtifactTypes } from "@/lib/kms/protocol";

type JsonSchema = Record<string, unknown>;

// The catch-all artifact branch refuses known type names with a zod refine, which JSON Schema
// generation drops; without this pattern the document would accept `{ "type": "dlv" }` with no
// text, which the server answers with 400.
const unknownArtifactSchema = artifactSchema.options[1];
const notAKnownType = `^(?!(?:${knownArtifactTypes.join("|")})$)`;

export function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema !== unknownArtifactSchema) return;
      const properties = ctx.jsonSchema.properties as Record<string, JsonSchema> | undefined;
      if (properties?.type) properties.type.pattern = notAKnownType;
    },
  }) as JsonSchema;
  // Embedded under components.schemas, a per-schema dialect declaration is noise.
  const { $schema: _dialect, ...rest } = generated;
  return rest;
}
