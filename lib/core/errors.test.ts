import { describe, expect, it } from "vitest";
import { ApiError, errorResponse } from "./errors";

const withCode = (message: string, code: string, cause?: unknown) => Object.assign(new Error(message), { code, cause });

describe("errors to HTTP", () => {
  it.each([
    ["pg: connection refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["pg: server shutting down", withCode("terminating connection due to administrator command", "57P01")],
    ["pg: starting up", withCode("the database system is starting up", "57P03")],
    ["pg-pool: connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["wrapped by Prisma's adapter", Object.assign(new Error("driver error"), { cause: withCode("connect ECONNREFUSED", "ECONNREFUSED") })],
  ])("%s → 503 unavailable with Retry-After", async (_name, error) => {
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
  });

  it("maps text Postgres cannot store to 400, and anything unknown to 500 without details", async () => {
    const nul = errorResponse(withCode('invalid byte sequence for encoding "UTF8": 0x00', "22021"));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: { code: "invalid_request" } });
    const unknown = errorResponse(withCode("relation does not exist", "42P01"));
    expect(unknown.status).toBe(500);
    expect(JSON.stringify(await unknown.json())).not.toContain("relation");
  });

  it("sends Retry-After for an ApiError that carries one (429)", () => {
    const response = errorResponse(new ApiError("rate_limited", "slow down", null, { retryAfterSeconds: 12.2 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("13");
  });
});
