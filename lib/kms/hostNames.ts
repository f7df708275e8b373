// KMS host names arrive as "KMS01.corp.contoso.com:1688", "kms01.corp.contoso.com", "[::1]:1688"...
// One normal form (lower case, no port, no trailing dot) makes them comparable across sources.

export function normalizeHostName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  const bracketed = host.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) host = bracketed[1]!;
  else if ((host.match(/:/g) ?? []).length === 1) host = host.replace(/:\d*$/, "");
  host = host.replace(/\.$/, "");
  return host.length > 0 ? host : null;
}

/** Short name for display and for matching a host known only by FQDN against one known by NetBIOS name. */
export function shortHostName(host: string): string {
  return /^[\d.]+$/.test(host) || host.includes(":") ? host : host.split(".")[0]!;
}
