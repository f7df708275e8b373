// GET /api/v1/openapi.json – OpenAPI 3.1 document of the agent and parse APIs, generated from the zod schemas (no auth)
import { NextResponse } from "next/server";
import { withErrors } from "@/lib/access/http/handlers";
import { openApiDocument } from "@/lib/access/openapi/document";

// Built once per process: it depends only on the code.
let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = withErrors(async () => {
  document ??= openApiDocument();
  return NextResponse.json(document, { headers: { "cache-control": "public, max-age=300" } });
});
