// Issue #17 item 2: brute force. Failed sign-ins are limited per account and per client address, wrong enroll
// secrets per address, counted in Postgres (rate_limit) so every replica shares the count; a lock answers 429
// with Retry-After, is audited, and ends by itself (here: its expiry moved into the past, as time would).
// Addresses come from X-Forwarded-For (README "Security": set by the reverse proxy in production).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callApi, signIn, sql } from "./helpers";

const MAX_PER_ACCOUNT = 5; // the defaults (lib/core/env.ts), which the shared test server runs with
const MAX_PER_ADDRESS = 20;
let admin = "";

async function attempt(route: string, body: unknown, address: string) {
  const response = await fetch(`${inject("baseUrl")}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
  await response.text();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), cookie: response.headers.get("set-cookie") };
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.0.0.1`;
// The addresses a test locks out, one each: two tests drawing the same one at random (1 in 250) saw each
// other's lockout audit rows. Sequential from a random start, so runs against one database differ too.
let nextLockedAddress = Math.floor(Math.random() * 250);
const lockedAddress = () => `192.0.2.${(nextLockedAddress++ % 250) + 1}`;
/** Time passing: the locks of these keys end now. */
const expire = (keyPart: string) => sql("UPDATE rate_limit SET expire = $1 WHERE key LIKE $2", [Date.now() - 1, `%${keyPart}%`]);

beforeAll(async () => {
  admin = await signIn();
});
afterAll(async () => {
  // The shared server's other test files sign in and enroll from 127.0.0.1: leave no count behind.
  await sql("DELETE FROM rate_limit");
});

describe("sign-in limits", () => {
  it("locks an account after a few wrong passwords, even from ever-changing addresses, and unlocks it by itself", async () => {
    const email = `brute-${randomUUID().slice(0, 8)}@security.example`;
    const password = "the-right-password";
    expect((await callApi("POST", "/api/dashboard/users", admin, { email, name: "B", role: "viewer", password })).status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++)
      statuses.push((await attempt("/api/auth/sign-in", { email, password: `wrong-${i}` }, `203.0.113.${i}`)).status);
    expect(statuses.slice(0, MAX_PER_ACCOUNT)).toEqual(Array(MAX_PER_ACCOUNT).fill(401));
    expect(new Set(statuses.slice(MAX_PER_ACCOUNT))).toEqual(new Set([429]));
    const right = await attempt("/api/auth/sign-in", { email, password }, address());
    expect(right.status).toBe(429);
    expect(right.cookie).toBeNull();
    expect(Number(right.retryAfter)).toBeGreaterThan(60);
    // The same e-mail in other letter cases is the same account.
    expect((await attempt("/api/auth/sign-in", { email: email.toUpperCase(), password }, address())).status).toBe(429);

    const audit = await sql<{ action: string; actor_id: string | null; details: { failures: number } }>(
      "SELECT action, actor_id, details FROM audit_log WHERE action = 'auth.lockout' AND target_id = $1",
      [email],
    );
    expect(audit).toEqual([{ action: "auth.lockout", actor_id: null, details: expect.objectContaining({ failures: MAX_PER_ACCOUNT }) }]);

    await expire(email);
    expect((await attempt("/api/auth/sign-in", { email, password }, address())).status).toBe(200);
  });

  it("locks a client address that tries many accounts, without locking those accounts elsewhere", async () => {
    const sprayer = lockedAddress();
    for (let i = 0; i < MAX_PER_ADDRESS; i++) {
      expect((await attempt("/api/auth/sign-in", { email: `nobody-${i}@security.example`, password: "x" }, sprayer)).status).toBe(401);
    }
    const locked = await attempt("/api/auth/sign-in", inject("admin"), sprayer);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect((await attempt("/api/auth/sign-in", inject("admin"), address())).status).toBe(200);
    await expire(sprayer);
    expect((await attempt("/api/auth/sign-in", inject("admin"), sprayer)).status).toBe(200);
  });
});

describe("enroll limits", () => {
  it("locks an address that guesses enroll secrets, for the right secret too, while other addresses enroll", async () => {
    const guesser = lockedAddress();
    const body = (enrollSecret: string) => {
      const hostname = `BRUTE-${randomUUID().slice(0, 8)}`;
      return { enrollSecret, hostname, fqdn: `${hostname}.corp.contoso.com` };
    };
    for (let i = 0; i < MAX_PER_ADDRESS; i++) expect((await attempt("/api/v1/enroll", body(`guess-${i}-xxxx`), guesser)).status).toBe(401);
    const locked = await attempt("/api/v1/enroll", body(inject("enrollSecret")), guesser);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect((await attempt("/api/v1/enroll", body(inject("enrollSecret")), address())).status).toBe(201);
    const audit = await sql("SELECT 1 FROM audit_log WHERE action = 'auth.lockout' AND target_id = $1", [guesser]);
    expect(audit).toHaveLength(1);
    await expire(guesser);
    expect((await attempt("/api/v1/enroll", body(inject("enrollSecret")), guesser)).status).toBe(201);
  });

  it("never counts right secrets: a fleet behind one NAT address enrolls", async () => {
    const nat = lockedAddress();
    for (let i = 0; i < MAX_PER_ADDRESS + 5; i++) {
      const hostname = `NAT-${randomUUID().slice(0, 8)}`;
      const answer = await attempt(
        "/api/v1/enroll",
        { enrollSecret: inject("enrollSecret"), hostname, fqdn: `${hostname}.corp.contoso.com` },
        nat,
      );
      expect(answer.status).toBe(201);
    }
  });
});
