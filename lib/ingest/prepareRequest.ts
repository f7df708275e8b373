// An ingest request from its body's bytes to rows to store: JSON, the envelope's schema, then prepareBatch.
// Pure, so the parse workers run it (parseWorker.ts) as well as the request itself.
import { parseJsonBytes } from "@/lib/access/http/readJson";
import { ingestRequestSchema } from "@/lib/kms/protocol";
import { prepareBatch, type PreparedBatch } from "@/lib/ingest/prepare";

export type PreparedRequest = { agentVersion: string; artifactCount: number; batch: PreparedBatch };

/** Throws an ApiError (400) when the body is not a valid ingest envelope. */
export function prepareRequestBytes(bytes: Uint8Array): PreparedRequest {
  const body = parseJsonBytes(bytes, ingestRequestSchema);
  return { agentVersion: body.agentVersion, artifactCount: body.artifacts.length, batch: prepareBatch(body) };
}
