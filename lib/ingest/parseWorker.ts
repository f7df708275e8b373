// A parse worker thread (started by parsePool.ts): prepares request bodies off the server's event loop.
import { parentPort } from "node:worker_threads";
import { ApiError } from "@/lib/core/errors";
import { prepareRequestBytes } from "@/lib/ingest/prepareRequest";
import type { ParseAnswer } from "@/lib/ingest/parsePool";

const port = parentPort;
port?.on("message", (bytes: Uint8Array) => {
  let answer: ParseAnswer;
  try {
    answer = { ok: true, value: prepareRequestBytes(bytes) };
  } catch (error) {
    // An ApiError crosses as its fields (a class does not survive the copy); anything else is an internal error.
    answer =
      error instanceof ApiError
        ? { ok: false, error: { code: error.code, message: error.message, path: error.path } }
        : { ok: false, error: null, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
