// Activation channels used on purpose ("MAK by intent"): a fleet may activate some machines with a MAK (laptops
// rarely on the network), a retail or an OEM key. An admin marks a channel as intended, for every machine or for
// a group (machine-name pattern and/or DNS domain); those machines then get no "install the GVLK" advice, only a
// finding when their own activation fails. Pure: the settings API stores the entries, the facts match them.
import { z } from "zod";

export const intendedChannelKinds = ["MAK", "RETAIL", "OEM"] as const;
export type IntendedChannelKind = (typeof intendedChannelKinds)[number];

/** One entry of the setting; null pattern / domain = every machine. */
export type IntendedChannelEntry = {
  channel: IntendedChannelKind;
  machinePattern: string | null;
  domain: string | null;
};

export const intendedChannelInputSchema = z.object({
  channel: z.enum(intendedChannelKinds),
  /** Host name pattern, `*` and `?` as wildcards, e.g. `LT-*`; matched against the short name and the FQDN. */
  machinePattern: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9*?._-]+$/, "letters, digits, '.', '-', '_' and the wildcards '*' and '?'")
    .nullish()
    .transform((v) => v ?? null),
  /** DNS domain: the machine's FQDN must end with it (e.g. `sales.contoso.com`). */
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(255)
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, "a DNS domain such as sales.contoso.com")
    .nullish()
    .transform((v) => v ?? null),
  note: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => v ?? null),
});
export type IntendedChannelInput = z.infer<typeof intendedChannelInputSchema>;

/** The channel family of an installed key, from Description's channel word and/or Product Key Channel; null when unknown or a volume KMS key. */
export function channelKindOf(channel: string | null, productKeyChannel: string | null): IntendedChannelKind | null {
  const words = [channel, productKeyChannel].filter((w): w is string => w !== null).map((w) => w.trim().toUpperCase());
  if (words.some((w) => w === "VOLUME_MAK" || w === "VOLUME:MAK")) return "MAK";
  if (words.some((w) => w.startsWith("RETAIL"))) return "RETAIL";
  if (words.some((w) => w.startsWith("OEM"))) return "OEM";
  return null;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\-]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/** Whether the entry's group (pattern and domain) contains this machine. */
export function entryCovers(entry: Pick<IntendedChannelEntry, "machinePattern" | "domain">, fqdn: string): boolean {
  const name = fqdn.trim().toLowerCase().replace(/\.$/, "");
  if (entry.domain !== null) {
    const domain = entry.domain.toLowerCase();
    if (name !== domain && !name.endsWith(`.${domain}`)) return false;
  }
  if (entry.machinePattern !== null) {
    const re = globToRegExp(entry.machinePattern);
    const short = name.split(".")[0] ?? name;
    if (!re.test(short) && !re.test(name)) return false;
  }
  return true;
}

/** The first entry that makes this machine's channel intended, or null (not intended, or its channel unknown). */
export function intendedEntryFor<E extends IntendedChannelEntry>(
  entries: readonly E[],
  machine: { fqdn: string; channel: string | null; productKeyChannel: string | null },
): E | null {
  const kind = channelKindOf(machine.channel, machine.productKeyChannel);
  if (kind === null) return null;
  return entries.find((e) => e.channel === kind && entryCovers(e, machine.fqdn)) ?? null;
}

/** "MAK intended for LT-* in sales.contoso.com", the words findings and the settings page use. */
export function describeIntendedEntry(entry: IntendedChannelEntry): string {
  const who = [entry.machinePattern ? `machines ${entry.machinePattern}` : null, entry.domain ? `in ${entry.domain}` : null]
    .filter(Boolean)
    .join(" ");
  return `${entry.channel} intended for ${who || "every machine"}`;
}
