// Sends the activation-2026 scenario through the real agent API (enroll, then ingest), for the demo and the tests.
import { activation2026Machines } from "./activation2026";

/** Enrolls each machine and sends its bodies through the real agent API; returns the machines' FQDNs. */
export async function pushActivation2026(
  server: string,
  enrollSecret: string,
  domain: string,
  { now = new Date(), only }: { now?: Date; only?: (hostname: string) => boolean } = {},
): Promise<string[]> {
  const machines = activation2026Machines(domain, now).filter((m) => !only || only(m.hostname));
  for (const m of machines) {
    const post = (route: string, payload: unknown, token?: string) =>
      fetch(`${server}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(payload),
      });
    const enroll = await post("/api/v1/enroll", { enrollSecret, hostname: m.hostname, fqdn: m.fqdn });
    if (enroll.status !== 201) throw new Error(`enroll ${m.fqdn}: ${enroll.status} ${await enroll.text()}`);
    const { token } = (await enroll.json()) as { token: string };
    for (const b of m.bodies) {
      const res = await post("/api/v1/ingest", b, token);
      const answer = (await res.json()) as { rejected?: unknown[] };
      if (res.status !== 200 || (answer.rejected ?? []).length > 0)
        throw new Error(`ingest ${m.fqdn}: ${res.status} ${JSON.stringify(answer)}`);
    }
  }
  return machines.map((m) => m.fqdn);
}
