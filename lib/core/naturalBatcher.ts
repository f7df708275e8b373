// Natural batching (group commit): requests that arrive while a flush is running wait for the next one,
// so under load many requests share one database statement, and a lone request waits for nobody.
// Every caller still gets its own answer only after its flush completed (nothing is acknowledged early).
// Used for the statements every agent request runs: the token lookup and the unchanged check-in.

export type Batcher<I, O> = { submit: (item: I) => Promise<O> };

type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export function naturalBatcher<I, O>(flush: (items: I[]) => Promise<O[]>, maxBatch = 500): Batcher<I, O> {
  let queue: Waiting<I, O>[] = [];
  let running = false;

  const run = async () => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((w) => w.item));
        if (results.length !== batch.length) throw new Error(`flush returned ${results.length} results for ${batch.length} items`);
        for (const [i, w] of batch.entries()) w.resolve(results[i]!);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = false;
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // setImmediate lets the requests parsed in the same event-loop turn join the first flush.
        if (!running) {
          running = true;
          setImmediate(() => void run());
        }
      });
    },
  };
}

const globalForBatchers = globalThis as unknown as { kmswatchBatchers?: Map<string, Batcher<never, unknown>> };

/** The process's one batcher named `name` (kept on globalThis, so a dev hot reload does not split its queue). */
export function sharedBatcher<I, O>(name: string, flush: (items: I[]) => Promise<O[]>): Batcher<I, O> {
  const batchers = (globalForBatchers.kmswatchBatchers ??= new Map());
  let batcher = batchers.get(name) as Batcher<I, O> | undefined;
  if (!batcher) {
    batcher = naturalBatcher(flush);
    batchers.set(name, batcher as Batcher<never, unknown>);
  }
  return batcher;
}
