import { describe, expect, it } from "vitest";
import { countSplitWarning } from "./countSplit";

describe("countSplitWarning", () => {
  it("warns when clients are spread so that a host stays below 25", () => {
    const warning = countSplitWarning([
      { host: "kms01", clients: 15, currentCount: 15 },
      { host: "kms02", clients: 15, currentCount: 15 },
    ]);
    expect(warning).toMatchObject({ hostsInUse: 2, hostsNeeded: 1 });
    expect(warning?.message).toContain("kms01, kms02");
  });

  it("stays quiet with one host, or when every host is above the threshold", () => {
    expect(countSplitWarning([{ host: "kms01", clients: 10, currentCount: 10 }])).toBeNull();
    expect(
      countSplitWarning([
        { host: "kms01", clients: 300, currentCount: 50 },
        { host: "kms02", clients: 300, currentCount: 50 },
      ]),
    ).toBeNull();
  });

  it("stays quiet when the whole fleet is too small for any host to reach 25", () => {
    expect(
      countSplitWarning([
        { host: "kms01", clients: 8, currentCount: 8 },
        { host: "kms02", clients: 4, currentCount: 4 },
      ]),
    ).toBeNull();
  });
});
