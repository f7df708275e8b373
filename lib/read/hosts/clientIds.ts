// The client page id of each FQDN a host's 12290 events name, so the host's tables link to the clients.
// A client that never checked in itself (no agent) has no page: it maps to nothing and stays plain text.
import "server-only";
import { db } from "@/lib/core/db";

export async function clientIdsByFqdn(fqdns: readonly (string | null)[]): Promise<Map<string, string>> {
  const names = [...new Set(fqdns.filter((f): f is string => Boolean(f)).flatMap((f) => [f, f.toLowerCase()]))];
  if (names.length === 0) return new Map();
  const machines = await db().machine.findMany({ where: { fqdn: { in: names }, role: "client" }, select: { id: true, fqdn: true } });
  const byName = new Map(machines.map((m) => [m.fqdn.toLowerCase(), m.id]));
  return new Map(names.flatMap((n) => (byName.has(n.toLowerCase()) ? [[n, byName.get(n.toLowerCase())!] as const] : [])));
}
