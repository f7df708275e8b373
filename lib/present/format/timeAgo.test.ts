import { describe, expect, it } from "vitest";
import { formatTimeAgo, NO_TIME } from "./timeAgo";

const now = Date.parse("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe("formatTimeAgo", () => {
  it("says unknown for missing or unparsable input", () => {
    expect(formatTimeAgo(null, now)).toBe(NO_TIME);
    expect(formatTimeAgo(undefined, now)).toBe(NO_TIME);
    expect(formatTimeAgo("", now)).toBe(NO_TIME);
    expect(formatTimeAgo("not a date", now)).toBe(NO_TIME);
  });

  it("under a minute either way is just now", () => {
    expect(formatTimeAgo(ago(0), now)).toBe("just now");
    expect(formatTimeAgo(ago(59_000), now)).toBe("just now");
    expect(formatTimeAgo(ago(-30_000), now)).toBe("just now");
  });

  it("uses the largest unit that fits, rounded down", () => {
    expect(formatTimeAgo(ago(MIN), now)).toBe("1 min ago");
    expect(formatTimeAgo(ago(59 * MIN + 59_000), now)).toBe("59 min ago");
    expect(formatTimeAgo(ago(H), now)).toBe("1 h ago");
    expect(formatTimeAgo(ago(3 * H + 40 * MIN), now)).toBe("3 h ago");
    expect(formatTimeAgo(ago(23 * H + 59 * MIN), now)).toBe("23 h ago");
    expect(formatTimeAgo(ago(D), now)).toBe("1 d ago");
    expect(formatTimeAgo(ago(47 * H), now)).toBe("1 d ago");
    expect(formatTimeAgo(ago(59 * D), now)).toBe("59 d ago");
    expect(formatTimeAgo(ago(90 * D), now)).toBe("3 mo ago");
    expect(formatTimeAgo(ago(800 * D), now)).toBe("2 y ago");
  });

  it("future timestamps read as 'in …'", () => {
    expect(formatTimeAgo(ago(-2 * H), now)).toBe("in 2 h");
    expect(formatTimeAgo(ago(-12 * D), now)).toBe("in 12 d");
  });

  it("accepts offsets, not only Z", () => {
    expect(formatTimeAgo("2026-11-25T10:00:00+01:00", now)).toBe("3 h ago");
  });
});
