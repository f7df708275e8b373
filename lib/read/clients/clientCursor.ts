// Keyset cursors of the clients table: where a page ends (its last row's sort value and fqdn) in one order. Opaque to
// callers (base64url JSON) and checked on the way back in: a damaged or forged cursor is a 400, never a 500.
import { z } from "zod";
import { CLIENT_SORT_KEYS, type ClientSortKey } from "@/lib/read/clients/clientFilters";

/** The SQL type each sort expression has, so a cursor's value is compared as what it is (a date is not text). */
export const SORT_VALUE_TYPES = {
  fqdn: "text",
  worst: "rank",
  edition: "text",
  channel: "text",
  partialKey: "text",
  license: "text",
  expires: "timestamp",
  cmid: "text",
  kmsHost: "text",
  lastCheckIn: "timestamp",
} as const satisfies Record<ClientSortKey, "text" | "timestamp" | "rank">;

/** A cursor's value as JSON carries it: timestamps as ISO text, the worst-finding rank as 0–2 (critical first). */
export type CursorValue = string | number | null;

/** `sort` is the order the cursor was taken in ("-lastCheckIn"); `value` that row's sort value; `fqdn` breaks ties. */
export type ClientCursor = { sort: string; value: CursorValue; fqdn: string };

const valueSchemas = {
  text: z.string().max(1000).nullable(),
  timestamp: z.iso.datetime().nullable(),
  rank: z.number().int().min(0).max(2).nullable(),
} as const;

const SORT_PATTERN = new RegExp(`^-?(${CLIENT_SORT_KEYS.join("|")})$`);

const cursorSchema = z
  .object({ s: z.string().regex(SORT_PATTERN), v: z.union([z.string(), z.number(), z.null()]), f: z.string().min(1).max(255) })
  .strict()
  .refine((c) => valueSchemas[SORT_VALUE_TYPES[sortKeyOf(c.s)]].safeParse(c.v).success, {
    message: "the value does not fit the cursor's order",
  });

/** The column key of a sort value ("-expires" → "expires"); unknown values mean the default order. */
export function sortKeyOf(sort: string): ClientSortKey {
  const key = sort.startsWith("-") ? sort.slice(1) : sort;
  return CLIENT_SORT_KEYS.find((k) => k === key) ?? "fqdn";
}

/** A row's sort value as the cursor keeps it (a Date from the database becomes ISO text). */
export function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number") return value;
  return null;
}

export function encodeClientCursor(cursor: ClientCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.value, f: cursor.fqdn }), "utf8").toString("base64url");
}

/** The cursor, or null when the text is not one this server made (bad base64, not JSON, wrong shape or type). */
export function decodeClientCursor(text: string): ClientCursor | null {
  if (!/^[A-Za-z0-9_-]{1,1400}$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  return parsed.success ? { sort: parsed.data.s, value: parsed.data.v, fqdn: parsed.data.f } : null;
}
