// Admission control for agent requests: at most `limit` run at once, at most `queue` more wait their
// turn, and a request that would wait longer than `maxWaitMs` (or finds the queue full) is refused at
// once with 503 `overloaded` and Retry-After, instead of queueing until every request is slow. An
// agent keeps what it could not send (its spool) and retries after the delay plus its own jitter, so a
// refused request costs a few hundred bytes and nothing is lost. Measured (bench, overload phase): 200
// agents at once without it gave p95 1.7 s, max 9.8 s and 584 MB resident memory.
// In production the server's door (scripts/lib/front-server.mjs) already refuses check-ins beyond
// limit + queue before Next.js parses or routes them (round 4: refusals answered in p95 2.5 s when this
// gate was the only one); this gate still orders the admitted ones, and guards `next dev`.
import { env } from "@/lib/core/env";
import { ApiError } from "@/lib/core/errors";

export type AdmissionOptions = {
  /** Requests running at once. */
  limit: number;
  /** Requests waiting for a slot; beyond that, refused at once. */
  queue: number;
  /** A queued request that has waited this long is refused (it would answer too late to be useful). */
  maxWaitMs: number;
  /** Retry-After sent with a refusal, seconds (agents add their own jitter). */
  retryAfterSeconds: number;
};

export type AdmissionStats = { running: number; queued: number; admitted: number; refused: number };

type Waiter = { resolve: () => void; reject: (error: ApiError) => void; timer: NodeJS.Timeout };

/** A counting gate with a bounded FIFO queue. `release` must be called once per admitted request. */
export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private admitted = 0;
  private refused = 0;

  constructor(readonly options: AdmissionOptions) {}

  private refusal(reason: string): ApiError {
    this.refused += 1;
    return new ApiError("overloaded", `server busy (${reason}): retry after ${this.options.retryAfterSeconds} s`, null, {
      retryAfterSeconds: this.options.retryAfterSeconds,
    });
  }

  /** Resolves when the request may run; rejects with 503 `overloaded` when it may not. */
  acquire(): Promise<void> {
    if (this.running < this.options.limit) {
      this.running += 1;
      this.admitted += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue) return Promise.reject(this.refusal("queue full"));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(this.refusal("waited too long"));
        }, this.options.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      // The slot passes straight to the oldest waiter: running stays the same.
      clearTimeout(next.timer);
      this.admitted += 1;
      next.resolve();
      return;
    }
    this.running = Math.max(0, this.running - 1);
  }

  /** Runs `work` inside a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  stats(): AdmissionStats {
    return { running: this.running, queued: this.waiting.length, admitted: this.admitted, refused: this.refused };
  }
}

// globalThis, not a module variable: Next may load this module more than once in one process, and one
// gate must count every agent request of the process.
const globalForAdmission = globalThis as unknown as { kmswatchAgentAdmission?: Admission };

/** The process's gate for agent requests, sized from the environment (KMSWATCH_AGENT_*). */
export function agentAdmission(): Admission {
  globalForAdmission.kmswatchAgentAdmission ??= new Admission({
    limit: env().KMSWATCH_AGENT_CONCURRENCY,
    queue: env().KMSWATCH_AGENT_QUEUE,
    maxWaitMs: env().KMSWATCH_AGENT_QUEUE_WAIT_MS,
    retryAfterSeconds: env().KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS,
  });
  return globalForAdmission.kmswatchAgentAdmission;
}
