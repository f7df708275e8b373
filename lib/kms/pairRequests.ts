// Pairs a client's 12288 requests with the 12289 responses that answered them: a 12288 with no
// 12289 within the window means the KMS host was never reached (network, DNS, TCP 1688).

export const ANSWER_WINDOW_MS = 10 * 60_000;

export type ClientEvent = {
  eventId: number;
  timeCreated: string;
  hresult: string | null;
  kmsHost: string | null;
  kmsPort: number | null;
  activated: boolean | null;
  hostCurrentCount: number | null;
  minCount: number | null;
  licenseStatus: string | null;
};
export type RequestPair = { at: string; request: ClientEvent | null; response: ClientEvent | null; answered: boolean };

/** Newest first. Each 12288 takes the first unused 12289 at or after it within the window. */
export function pairRequests(events: readonly ClientEvent[]): RequestPair[] {
  const sorted = [...events].sort((a, b) => Date.parse(a.timeCreated) - Date.parse(b.timeCreated));
  const pairs: RequestPair[] = [];
  const used = new Set<ClientEvent>();
  for (let i = 0; i < sorted.length; i++) {
    const event = sorted[i]!;
    if (event.eventId !== 12288) continue;
    const start = Date.parse(event.timeCreated);
    const response = sorted.slice(i + 1).find((e) => {
      const at = Date.parse(e.timeCreated);
      return e.eventId === 12289 && !used.has(e) && at >= start && at - start <= ANSWER_WINDOW_MS;
    });
    if (response) used.add(response);
    pairs.push({ at: event.timeCreated, request: event, response: response ?? null, answered: response !== undefined });
  }
  for (const event of sorted) {
    if (event.eventId === 12289 && !used.has(event)) pairs.push({ at: event.timeCreated, request: null, response: event, answered: true });
  }
  return pairs.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
