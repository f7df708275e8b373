// The client list pages by cursor (keyset, issue #20): the same rows as by page number, a cursor only while
// more rows follow, and a forged cursor refused with the JSON error shape.
import { beforeAll, describe, expect, it } from "vitest";
import { getJson, signIn, sql } from "./helpers";

type Page = { total: number; nextCursor: string | null; rows: { fqdn: string }[] };
let cookie = "";
const get = (route: string) => getJson<Page>(route, { cookie });

beforeAll(async () => {
  // 25 clients of its own (names sort together); the list also holds whatever other test files stored.
  await sql(
    `INSERT INTO machine (id, fqdn, hostname, role)
     SELECT gen_random_uuid(), 'paging-' || lpad(i::text, 2, '0') || '.corp.contoso.com', 'PAGING-' || i, 'client'
       FROM generate_series(1, 25) AS i ON CONFLICT (fqdn) DO NOTHING`,
  );
  cookie = await signIn();
});

describe("client list paging", () => {
  it("walks the same rows by cursor as by page number, and says when the last page is reached", async () => {
    const q = "q=paging-&pageSize=7";
    const byPage: string[] = [];
    for (let page = 1; page <= 4; page++)
      byPage.push(...(await get(`/api/dashboard/clients?${q}&page=${page}`)).body.rows.map((r) => r.fqdn));
    const byCursor: string[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    for (let page = 1; page <= 4; page++) {
      const { body }: { body: Page } = await get(`/api/dashboard/clients?${q}${cursor ? `&after=${cursor}` : ""}`);
      byCursor.push(...body.rows.map((r) => r.fqdn));
      cursor = body.nextCursor;
      cursors.push(cursor);
    }
    expect(byPage).toHaveLength(25);
    expect(byCursor).toEqual(byPage);
    // 7 + 7 + 7 + 4: a cursor after each full page, none after the last.
    expect(cursors.map((c) => c !== null)).toEqual([true, true, true, false]);
  });

  it("refuses a forged cursor with a 400 naming `after`", async () => {
    expect(await get("/api/dashboard/clients?after=not%20a%20cursor")).toMatchObject({ status: 400, body: { error: { path: "after" } } });
  });
});
