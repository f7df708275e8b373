import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { advanceBookmarks, selectNewEvents, splitEvents } from "./events";

const SHARED = path.resolve(import.meta.dirname, "../../../../shared/fixtures/events");
const shared = (name: string) => readFileSync(path.join(SHARED, name), "utf8");
const event = (id: number, channel = "Application") =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>12288</EventID><EventRecordID>${id}</EventRecordID><Channel>${channel}</Channel></System><EventData><Data>x</Data></EventData></Event>`;

describe("splitEvents", () => {
  it("splits back-to-back and rooted captures alike, and reads the log from the channel", () => {
    const flat = splitEvents(shared("host-kms01-keymanagementservice-log.multi.xml"));
    const rooted = splitEvents(shared("host-kms01-keymanagementservice-log.multi.rooted.xml"));
    expect(flat).toHaveLength(8);
    expect(rooted.map((e) => e.recordId)).toEqual(flat.map((e) => e.recordId));
    expect(new Set(flat.map((e) => e.log))).toEqual(new Set(["Key Management Service"]));
    expect(splitEvents(shared("client-12288-success.xml"))).toMatchObject([{ log: "Application", recordId: 51877 }]);
  });

  it("accepts a BOM, CRLF between events, rendered XML, and skips events without a record id", () => {
    const text = `\uFEFF${event(5)}\r\n${event(6)}\n<Event><System><EventID>1</EventID></System></Event>`;
    expect(splitEvents(text).map((e) => e.recordId)).toEqual([5, 6]);
    expect(splitEvents(shared("client-12288-failure-rpc-unavailable.renderedxml.xml"))).toHaveLength(1);
  });
});

describe("selectNewEvents", () => {
  it("keeps only events above each log's bookmark, once, oldest first", () => {
    const texts = [event(12) + event(10) + event(11, "Key Management Service"), event(12) + event(9)];
    const selected = selectNewEvents(texts, { Application: 9 });
    expect(selected).toEqual([
      { log: "Application", xml: `${event(10)}\r\n${event(12)}`, count: 2, lastRecordId: 12 },
      { log: "Key Management Service", xml: event(11, "Key Management Service"), count: 1, lastRecordId: 11 },
    ]);
    expect(advanceBookmarks({ Application: 9 }, selected)).toEqual({ Application: 12, "Key Management Service": 11 });
  });

  it("caps a payload and leaves the rest for the next run", () => {
    const texts = [[1, 2, 3, 4, 5].map((id) => event(id)).join("")];
    const first = selectNewEvents(texts, {}, 2);
    expect(first[0]).toMatchObject({ count: 2, lastRecordId: 2 });
    const next = selectNewEvents(texts, advanceBookmarks({}, first), 2);
    expect(next[0]).toMatchObject({ count: 2, lastRecordId: 4 });
  });

  it("returns nothing when nothing is new", () => {
    expect(selectNewEvents([event(3)], { Application: 3 })).toEqual([]);
  });
});
