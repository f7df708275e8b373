// The one way a dashboard route answers JSON: through the response's zod schema (lib/*/contract/), so the
// compiler checks the value against the contract the client hook parses with.
import { NextResponse } from "next/server";
import type { z } from "zod";

// Parsed at run time only in development (`next dev`), where a drift should fail loudly at its source. In
// production the compile-time check holds, the client parses the answer anyway (fetchJson), and parsing a
// 5,000-client host list again on every request would cost latency for nothing; the integration contract test
// (tests/integration/contract.test.ts) parses every GET answer against the built server.
const parseOnServer = process.env.NODE_ENV === "development";

export function json<S extends z.ZodType>(schema: S, value: z.input<S>, init?: ResponseInit): NextResponse {
  if (parseOnServer) schema.parse(value);
  return NextResponse.json(value, init);
}
