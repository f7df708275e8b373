// Is a product on a KMS client key (GVLK)? MAK and Retail/OEM keys never talk to a KMS host.

export type ChannelInfo = { label: string; isGvlk: boolean | null; note: string | null };

/** channel: word before " channel" (VOLUME_KMSCLIENT, VOLUME_MAK, RETAIL...); productKeyChannel: Volume:GVLK, Volume:MAK, Retail... */
export function describeChannel(channel: string | null | undefined, productKeyChannel?: string | null): ChannelInfo {
  const c = (channel ?? "").toUpperCase();
  const k = (productKeyChannel ?? "").toUpperCase();
  const label = productKeyChannel || channel || "—";
  if (!c && !k) return { label, isGvlk: null, note: null };
  if (c === "VOLUME_KMSCLIENT" || k === "VOLUME:GVLK") return { label, isGvlk: true, note: null };
  if (c.startsWith("VOLUME_KMS") || k === "VOLUME:CSVLK") {
    return { label, isGvlk: false, note: "KMS host key (CSVLK): this machine is a KMS host" };
  }
  if (c.includes("MAK") || k.includes("MAK")) {
    return { label, isGvlk: false, note: "MAK: activates with Microsoft, not with your KMS hosts" };
  }
  if (c.startsWith("RETAIL") || k.startsWith("RETAIL")) {
    return { label, isGvlk: false, note: "Retail key: not a KMS client (no GVLK installed)" };
  }
  if (c.startsWith("OEM") || k.startsWith("OEM")) {
    return { label, isGvlk: false, note: "OEM key: not a KMS client (no GVLK installed)" };
  }
  return { label, isGvlk: null, note: null };
}

/** "kms01.corp.example.com:1688"; the default port 1688 is shown too, because a wrong port is a cause. */
export function hostPort(host: string | null | undefined, port: number | null | undefined): string {
  if (!host) return "—";
  return port ? `${host}:${port}` : host;
}
