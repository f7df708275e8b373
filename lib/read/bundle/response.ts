// The HTTP answer for a streamed zip download.
import "server-only";

export function zipResponse(bundle: { filename: string; body: ReadableStream<Uint8Array> }): Response {
  return new Response(bundle.body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${bundle.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
