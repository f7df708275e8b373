import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/lib/core/i18n/messages/en.json";
import { buildFromVersion, checkAgainstHost, decodeEpid, differingParts, type EpidProblem, sameKeyOtherInstall } from "./epid";

const now = new Date("2026-12-04T12:00:00Z");
const GENUINE = "03612-00206-566-123456-03-1033-17763.0000-0792019";
const decode = (raw: string | null) => decodeEpid(raw, now);
const kinds = (raw: string) => decode(raw)?.problems.map((p) => `${p.part}:${p.kind}`) ?? [];

describe("decodeEpid", () => {
  it("decodes every part of a genuine Server 2019 host ePID and finds nothing wrong", () => {
    const d = decode(GENUINE);
    expect(d?.parts).toEqual({
      platform: "03612",
      keyGroup: "00206",
      serial: "566-123456",
      channel: "03",
      lcid: 1033,
      osBuild: 17763,
      activatedOn: "2019-03-20",
    });
    expect(d?.language).toBe("en-US");
    expect(d?.buildName).toContain("2019");
    expect(d?.problems).toEqual([]);
  });

  it("returns null for nothing at all, and trims surrounding blanks", () => {
    expect(decode(null)).toBeNull();
    expect(decode("   ")).toBeNull();
    expect(decode(`  ${GENUINE}\n`)?.raw).toBe(GENUINE);
  });

  it.each([
    ["03612-00206-566-123456-03-1033-17763.0000", "8 dash-separated parts"],
    ["03612-00206-566-123456-03-1033-17763.0000-079201", 'part 8 "079201"'],
    ["3612-00206-566-123456-03-1033-17763.0000-0792019", 'part 1 "3612"'],
    ["03612-00206-566-12345X-03-1033-17763.0000-0792019", 'part 4 "12345X"'],
    ["03612-00206-566-123456-03-1033-17763-0792019", 'part 7 "17763" should be a build like 17763.0000'],
    ["03612-00206-566-123456-03-1033-17763.00-0792019", "build like 17763.0000"],
    ["garbage", "8 dash-separated parts"],
    [`${GENUINE}${"9".repeat(40)}`, "characters"],
  ])("explains a damaged ePID %s", (raw, message) => {
    const d = decode(raw);
    expect(d?.parts).toBeNull();
    expect(d?.problems).toHaveLength(1);
    expect(d?.problems[0]?.kind).toBe("malformed");
    expect(d?.problems[0]?.message).toContain(message);
  });

  it("accepts 5-digit language IDs and builds (other lengths the layout allows)", () => {
    const d = decode("03612-00206-566-123456-03-3082-26100.0000-3002025");
    expect(d?.parts?.lcid).toBe(3082);
    expect(d?.parts?.osBuild).toBe(26100);
    expect(d?.problems).toEqual([]);
    expect(decode("03612-00206-566-123456-03-10250-20348.0000-3002025")?.problems.map((p) => p.part)).toEqual(["lcid"]);
  });

  it("flags an activation date in the future, before the build existed, before KMS, or on a day that does not exist", () => {
    expect(kinds("03612-00206-566-123456-03-1033-20348.0000-0012027")).toEqual(["activation:contradiction"]);
    expect(kinds("03612-00206-566-123456-03-1033-17763.0000-0452015")).toEqual(["activation:contradiction"]);
    expect(decode("03612-00206-566-123456-03-1033-17763.0000-0452015")?.problems[0]?.message).toContain("2018-10-02");
    expect(kinds("55041-00206-566-123456-03-1033-7601.0000-1002005")).toEqual(["activation:contradiction"]);
    expect(kinds("03612-00206-566-123456-03-1033-17763.0000-3662021")).toEqual(["activation:contradiction"]);
    expect(kinds("03612-00206-566-123456-03-1033-17763.0000-3662020")).toEqual([]);
    expect(kinds("03612-00206-566-123456-03-1033-17763.0000-0002020")).toEqual(["activation:contradiction"]);
  });

  it("flags a platform that never ships with the build, a non-volume channel and an unknown language", () => {
    expect(kinds("06401-00206-566-123456-03-1033-17763.0000-0792019")).toEqual(["platform:contradiction"]);
    expect(kinds("03612-00206-566-123456-02-1033-17763.0000-0792019")).toEqual(["channel:contradiction"]);
    expect(kinds("03612-00206-566-123456-03-1234-17763.0000-0792019")).toEqual(["lcid:contradiction"]);
  });

  it("marks a platform or build missing from the tables as unverified, not as a contradiction", () => {
    expect(kinds("09999-00206-566-123456-03-1033-17763.0000-0792019")).toEqual(["platform:unverified"]);
    expect(kinds("09999-00206-566-123456-03-1033-27000.0000-0792026")).toEqual(["platform:unverified", "osBuild:unverified"]);
  });
});

describe("against the host", () => {
  const own = decode("03612-00206-566-123456-03-1036-20348.0000-0792022");
  it("flags a build, platform or language that contradicts what the host's agent reports", () => {
    const served = decode(GENUINE);
    if (!served) throw new Error("decode failed");
    const problems = checkAgainstHost(served, { osBuild: 20348, ownEpid: own });
    expect(problems.map((p) => p.part)).toEqual(["osBuild", "lcid"]);
    expect(checkAgainstHost(served, { osBuild: 9600, ownEpid: null }).map((p) => p.part)).toEqual(["osBuild", "platform"]);
    expect(checkAgainstHost(served, { osBuild: 17763, ownEpid: null })).toEqual([]);
  });

  it("tells the same key installed again from another key", () => {
    const reinstalled = decode("03612-00206-566-123456-03-1036-20348.0000-1502025");
    const other = decode("03612-00206-271-999999-03-1036-20348.0000-1502025");
    expect(sameKeyOtherInstall(own, reinstalled)).toBe(true);
    expect(sameKeyOtherInstall(own, other)).toBe(false);
    expect(sameKeyOtherInstall(own, own)).toBe(false);
    if (!own || !other) throw new Error("decode failed");
    expect(differingParts(own, other)).toEqual(["serial", "activatedOn"]);
  });

  it("reads the build from SoftwareLicensingService.Version", () => {
    expect(buildFromVersion("10.0.20348.2340")).toBe(20348);
    expect(buildFromVersion("6.3.9600")).toBe(9600);
    expect(buildFromVersion("unknown")).toBeNull();
    expect(buildFromVersion(null)).toBeNull();
  });
});

describe("problem texts", () => {
  // The dashboard says a problem from the catalogue; the forensic signals use `message`: the English must match.
  const t = createTranslator({ locale: "en", messages: en, namespace: "forensics.problem" });
  const samples = [
    "03612-00206-566-123456-03-1033-17763.0000",
    "03612-00206-566-123456-03-1033-17763.0000-079201",
    "03612-00206-566-123456-03-1033-17763-0792019",
    `${GENUINE}${"9".repeat(40)}`,
    "03612-00206-566-123456-03-1033-17763.0000-0452015",
    "03612-00206-566-123456-03-1033-17763.0000-3662019",
    "03612-00206-566-123456-03-1033-17763.0000-0792099",
    "03612-00206-566-123456-03-1033-17763.0000-0012004",
    "99999-00206-566-123456-05-9999-12345.0000-0792019",
    "03612-00206-566-123456-03-1033-9600.0000-0792019",
  ];
  const own = decode("03612-00206-566-123456-03-1036-20348.0000-0792022");
  const problems: EpidProblem[] = samples.flatMap((raw) => decode(raw)?.problems ?? []);
  const served = decode(GENUINE);
  if (served) problems.push(...checkAgainstHost(served, { osBuild: 9600, ownEpid: own }));

  it("covers every problem the decoder knows and reads the same from the catalogue", () => {
    // noLayout is the fallback once every part has the right shape: the pattern then matches, so no sample reaches it.
    const reachable = Object.keys(en.forensics.problem).filter((key) => key !== "noLayout");
    expect(new Set(problems.map((p) => p.text.key))).toEqual(new Set(reachable));
    for (const p of problems) expect(t(p.text.key, p.text.values)).toBe(p.message);
  });
});
