// The OpenAPI 3.1 document of the agent API (enroll, ingest) and the parse preview, served at
// GET /api/v1/openapi.json. Schemas come from lib/protocol.ts; this file only adds the HTTP facts
// (paths, status codes, authentication) that zod does not know.
import { z } from "zod";
import { errorCodes } from "@/lib/core/errors";
import {
  enrollRequestSchema,
  enrollResponseSchema,
  ingestRequestSchema,
  ingestResponseSchema,
  parseRequestSchema,
  parseResponseSchema,
} from "@/lib/kms/protocol";
import { toOpenApiSchema } from "@/lib/access/openapi/jsonSchema";
import { requestExamples } from "@/lib/access/openapi/examples";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
    message: z.string(),
    /** The offending field, e.g. `artifacts.2.text`; null when the whole request is at fault. */
    path: z.string().nullable(),
  }),
});

/** Request body schemas by operation, also read by the conformance test. */
export const requestSchemas = {
  EnrollRequest: enrollRequestSchema,
  IngestRequest: ingestRequestSchema,
  ParseRequest: parseRequestSchema,
} as const;
const responseSchemas = {
  EnrollResponse: enrollResponseSchema,
  IngestResponse: ingestResponseSchema,
  ParseResponse: parseResponseSchema,
  Error: errorBodySchema,
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: string, description: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });
const error = (description: string) => json("Error", description);

const commonErrors = {
  "400": error(
    "`invalid_json`: the body is not JSON; `invalid_request`: it does not match the schema (`path` names the field). Nothing is stored.",
  ),
  "413": error("`payload_too_large`: the body is above the limit (KMSWATCH_MAX_BODY_BYTES, 5 MB by default; 64 KB for enroll)."),
  "415": error("`unsupported_media_type`: the body is not sent as `Content-Type: application/json`."),
  "500": error("`internal`: unexpected server error."),
  "503": error(
    "`unavailable`: the database is unreachable for now; keep the payload and retry after the `Retry-After` seconds. (`enrollment_disabled` on enroll: no enroll secret is configured.)",
  ),
};

export function openApiDocument() {
  const components: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(requestSchemas)) components[name] = toOpenApiSchema(schema, "input");
  for (const [name, schema] of Object.entries(responseSchemas)) components[name] = toOpenApiSchema(schema, "output");
  const body = (schema: keyof typeof requestExamples) => ({
    required: true,
    content: { "application/json": { schema: ref(schema), example: requestExamples[schema] } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "kmswatch agent API",
      version: "1",
      description:
        "What kmswatch agents send: enrollment, ingest of /dlv, CIM, KMS events and probes, and the parse preview. Every error answers `{ error: { code, message, path } }`.",
    },
    paths: {
      "/api/v1/enroll": {
        post: {
          operationId: "enroll",
          summary: "Exchange the enroll secret for an agent token (shown once).",
          requestBody: body("EnrollRequest"),
          responses: {
            "201": json("EnrollResponse", "Enrolled; keep the token, it is stored only as a hash."),
            ...commonErrors,
            "401": error("`unauthorized`: wrong enroll secret."),
            "409": error(
              "`conflict`: the machine has an active agent and this enrollment does not carry its `installationKey`; an admin revokes that agent first.",
            ),
            "429": error("`rate_limited`: too many wrong enroll secrets from this address; retry after `Retry-After` seconds."),
          },
        },
      },
      "/api/v1/ingest": {
        post: {
          operationId: "ingest",
          summary: "Store a batch of artifacts collected on the agent's machine.",
          security: [{ agentToken: [] }],
          requestBody: body("IngestRequest"),
          responses: {
            "200": json("IngestResponse", "Stored (unparseable artifacts are quarantined and listed in `rejected`)."),
            ...commonErrors,
            "401": error("`unauthorized`: missing, unknown or revoked agent token."),
            "503": {
              ...error(
                "`overloaded`: the server is at capacity (admission control); nothing was read or stored. Keep the batch and send it again after Retry-After seconds plus a random jitter of up to as much again.",
              ),
              headers: { "Retry-After": { description: "Seconds to wait before sending again.", schema: { type: "integer", minimum: 1 } } },
            },
          },
        },
      },
      "/api/v1/parse": {
        post: {
          operationId: "parse",
          summary: "Parse one artifact (or an event as Event Viewer shows it) without storing anything.",
          security: [{ agentToken: [] }, { sessionCookie: [] }],
          requestBody: body("ParseRequest"),
          responses: {
            "200": json("ParseResponse", "What kmswatch reads in the artifact."),
            ...commonErrors,
            "401": error("`unauthorized`: neither an agent token nor a signed-in session."),
            "422": error("`unparseable`: the artifact is well-formed but nothing in it could be read."),
          },
        },
      },
    },
    components: {
      schemas: components,
      securitySchemes: {
        agentToken: { type: "http", scheme: "bearer", description: "The token POST /api/v1/enroll returned." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "kmswatch_session", description: "A signed-in dashboard session." },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
