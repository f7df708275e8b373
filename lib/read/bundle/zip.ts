// A zip written while it downloads (yazl): small files from memory, large ones from lazily opened
// streams, so the event logs are read from Postgres only as the browser reads the zip.
import "server-only";
import { Readable } from "node:stream";
import yazl from "yazl";

export type ZipEntry = { name: string; content: string | Buffer } | { name: string; open: () => Readable };

export function zipStream(entries: readonly ZipEntry[], mtime: Date): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  const opened: Readable[] = [];
  const output = zip.outputStream as Readable;
  // A failing source (database gone mid-download) must abort the download, not hang it.
  zip.on("error", (error: Error) => output.destroy(error));
  for (const entry of entries) {
    if ("content" in entry) {
      const buffer = typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : entry.content;
      zip.addBuffer(buffer, entry.name, { mtime, compress: true });
    } else {
      zip.addReadStreamLazy(entry.name, { mtime, compress: true }, (callback) => {
        try {
          const stream = entry.open();
          opened.push(stream);
          callback(null, stream);
        } catch (error) {
          callback(error, Readable.from([]));
        }
      });
    }
  }
  zip.end();
  const chunks = output[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value as Buffer));
      } catch (error) {
        console.error("[bundle] zip stream failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      // The browser went away: close the cursors behind the entries and stop compressing.
      for (const stream of opened) stream.destroy();
      output.destroy();
      await chunks.return?.();
    },
  });
}
