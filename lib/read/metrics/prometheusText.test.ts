import { describe, expect, it } from "vitest";
import { formatMetrics, formatValue } from "@/lib/read/metrics/prometheusText";
import { checkMetricsToken } from "@/lib/access/auth/metricsToken";
import { ApiError } from "@/lib/core/errors";

describe("formatMetrics", () => {
  it("writes HELP, TYPE and samples with labels", () => {
    const text = formatMetrics([
      { name: "kmswatch_kms_host_current_count", help: "Count.", type: "gauge", samples: [{ labels: { host: "kms01.corp" }, value: 50 }] },
      { name: "kmswatch_ingest_batches_total", help: "Batches.", type: "counter", samples: [{ value: 3 }] },
      { name: "kmswatch_empty", help: "None yet.", type: "gauge", samples: [] },
    ]);
    expect(text).toBe(
      [
        "# HELP kmswatch_kms_host_current_count Count.",
        "# TYPE kmswatch_kms_host_current_count gauge",
        'kmswatch_kms_host_current_count{host="kms01.corp"} 50',
        "# HELP kmswatch_ingest_batches_total Batches.",
        "# TYPE kmswatch_ingest_batches_total counter",
        "kmswatch_ingest_batches_total 3",
        "# HELP kmswatch_empty None yet.",
        "# TYPE kmswatch_empty gauge",
        "",
      ].join("\n"),
    );
  });

  it("escapes label values and help text", () => {
    const text = formatMetrics([{ name: "m", help: "a\\b\nc", type: "gauge", samples: [{ labels: { a: 'x"y\\z\nw', b: "" }, value: 1 }] }]);
    expect(text).toContain("# HELP m a\\\\b\\nc\n");
    expect(text).toContain('m{a="x\\"y\\\\z\\nw",b=""} 1\n');
  });

  it("formats special values and refuses bad names", () => {
    expect([NaN, Infinity, -Infinity, 1.5, -2].map(formatValue)).toEqual(["NaN", "+Inf", "-Inf", "1.5", "-2"]);
    expect(() => formatMetrics([{ name: "bad-name", help: "", type: "gauge", samples: [] }])).toThrow();
    expect(() => formatMetrics([{ name: "m", help: "", type: "gauge", samples: [{ labels: { "bad-label": "x" }, value: 1 }] }])).toThrow();
  });
});

describe("checkMetricsToken", () => {
  const token = "a-metrics-token-0123456789";
  const code = (fn: () => void) => {
    try {
      fn();
      return "ok";
    } catch (error) {
      return error instanceof ApiError ? `${error.status}` : "other";
    }
  };
  it("accepts the configured token only", () => {
    expect(code(() => checkMetricsToken(`Bearer ${token}`, token))).toBe("ok");
    expect(code(() => checkMetricsToken(`bearer ${token}`, token))).toBe("ok");
    expect(code(() => checkMetricsToken(null, token))).toBe("401");
    expect(code(() => checkMetricsToken("Bearer wrong", token))).toBe("401");
    expect(code(() => checkMetricsToken(`Basic ${token}`, token))).toBe("401");
    expect(code(() => checkMetricsToken(`Bearer ${token}`, undefined))).toBe("404");
  });
});
