// Issue #17, dashboard items 1, 3, 4, 5, 6 and 8, as an attacker (and a clumsy operator) would try them against the
// real server over HTTP: cross-site requests, copied cookies after sign-out, forged cookies, framing, NUL bytes,
// and what a viewer may download.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { callApi, enrollMachine, envelope, fixture, getJson, post, signIn, sql, sqlOne } from "./helpers";

const base = () => inject("baseUrl");
let admin = "";

/** A raw request with any headers, as a browser on another site (or a script) would send it. */
async function send(route: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  const response = await fetch(`${base()}${route}`, {
    method: init.method ?? "POST",
    headers: init.headers,
    body: init.body,
    redirect: "manual",
  });
  const text = await response.text();
  let body: { error?: { code: string; path: string | null } } & Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers, text };
}

async function newViewer(password = "viewer-password-1") {
  const email = `viewer-${randomUUID().slice(0, 8)}@security.example`;
  const created = await callApi<{ id: string }>("POST", "/api/dashboard/users", admin, { email, name: "V", role: "viewer", password });
  expect(created.status).toBe(201);
  return { id: created.body.id, email, password, cookie: await signIn({ email, password }) };
}

const me = (cookie: string) => getJson("/api/dashboard/me", { cookie });

beforeAll(async () => {
  admin = await signIn();
});

describe("1. cross-site request forgery", () => {
  it("refuses a text/plain user creation from a foreign origin, with the admin's cookie, and creates nobody", async () => {
    const email = `csrf-${randomUUID().slice(0, 8)}@evil.example`;
    const body = JSON.stringify({ email, name: "x", role: "admin", password: "attacker-password" });
    const forged = await send("/api/dashboard/users", {
      headers: { cookie: admin, "content-type": "text/plain", origin: "http://localhost:8080" },
      body,
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error).toMatchObject({ code: "forbidden", path: "origin" });
    // The page's own origin with a text/plain body (what a <form enctype=text/plain> sends): still refused.
    const plain = await send("/api/dashboard/users", { headers: { cookie: admin, "content-type": "text/plain", origin: base() }, body });
    expect(plain.status).toBe(415);
    expect(await sql("SELECT 1 FROM app_user WHERE email = $1", [email])).toHaveLength(0);
  });

  it("refuses JSON from a foreign origin or a cross-site fetch, and accepts the app's own origin", async () => {
    const host = `kms-${randomUUID().slice(0, 8)}.corp.contoso.com`;
    const json = { cookie: admin, "content-type": "application/json" };
    const body = JSON.stringify({ host });
    expect((await send("/api/dashboard/audit/approved", { headers: { ...json, origin: "http://evil.example" }, body })).status).toBe(403);
    expect((await send("/api/dashboard/audit/approved", { headers: { ...json, "sec-fetch-site": "cross-site" }, body })).status).toBe(403);
    expect(
      (await send(`/api/dashboard/audit/approved?host=${host}`, { method: "DELETE", headers: { cookie: admin, origin: "null" } })).status,
    ).toBe(403);
    expect(await sql("SELECT 1 FROM approved_kms_host WHERE host = $1", [host])).toHaveLength(0);
    const own = await send("/api/dashboard/audit/approved", {
      headers: { ...json, origin: base(), "sec-fetch-site": "same-origin" },
      body,
    });
    expect(own.status).toBe(201);
    expect(
      (await send(`/api/dashboard/audit/approved?host=${host}`, { method: "DELETE", headers: { cookie: admin, origin: base() } })).status,
    ).toBe(200);
  });

  it("refuses sign-in and sign-out from a foreign origin, and a text/plain sign-in, without setting a cookie", async () => {
    const credentials = JSON.stringify(inject("admin"));
    const foreign = await send("/api/auth/sign-in", {
      headers: { "content-type": "text/plain", origin: "http://evil.example" },
      body: credentials,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    const plain = await send("/api/auth/sign-in", { headers: { "content-type": "text/plain" }, body: credentials });
    expect(plain.status).toBe(415);
    expect(plain.headers.get("set-cookie")).toBeNull();
    const cookie = await signIn();
    expect((await send("/api/auth/sign-out", { headers: { cookie, origin: "http://evil.example" } })).status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax (README: why not Strict)", async () => {
    const response = await fetch(`${base()}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base() },
      body: JSON.stringify(inject("admin")),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(response.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
  });
});

describe("3. sessions end when they should", () => {
  it("sign-out ends the session for every copy of the cookie", async () => {
    const cookie = await signIn();
    const copy = cookie;
    expect((await me(copy)).status).toBe(200);
    expect((await send("/api/auth/sign-out", { headers: { cookie } })).status).toBe(200);
    expect((await me(copy)).status).toBe(401);
  });

  it("a password reset, a role change and a deletion end the user's open sessions at once", async () => {
    const viewer = await newViewer();
    expect((await me(viewer.cookie)).status).toBe(200);
    const other = await signIn(); // the admin's own session is not touched
    expect((await callApi("POST", `/api/dashboard/users/${viewer.id}/password`, admin, { password: "viewer-password-2" })).status).toBe(
      200,
    );
    expect((await me(viewer.cookie)).status).toBe(401);
    expect((await me(other)).status).toBe(200);

    const second = await signIn({ email: viewer.email, password: "viewer-password-2" });
    expect((await callApi("PATCH", `/api/dashboard/users/${viewer.id}`, admin, { role: "admin" })).status).toBe(200);
    expect((await me(second)).status).toBe(401);

    const third = await signIn({ email: viewer.email, password: "viewer-password-2" });
    expect((await me(third)).body).toMatchObject({ user: { role: "admin" } });
    expect((await callApi("DELETE", `/api/dashboard/users/${viewer.id}`, admin)).status).toBe(200);
    expect((await me(third)).status).toBe(401);
    expect(await sql("SELECT 1 FROM user_session WHERE user_id = $1", [viewer.id])).toHaveLength(0);
  });
});

describe("4. a malformed cookie is a signed-out visitor", () => {
  const forged = "kmswatch_session=Fe26.2*1*aaaa*bbbb*cccc*dddd*eeee*ffff";
  it.each([
    ["truncated seal", forged],
    ["garbage", "kmswatch_session=%%%not-a-seal"],
    ["empty", "kmswatch_session="],
  ])("%s: 401 on the API, a redirect to /login on pages, and sign-in still works", async (_name, cookie) => {
    expect((await me(cookie)).status).toBe(401);
    const page = await send("/hosts", { method: "GET", headers: { cookie } });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.headers.get("location")).toMatch(/\/login/);
    const signIn = await send("/api/auth/sign-in", {
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(inject("admin")),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("set-cookie")).toMatch(/^kmswatch_session=Fe26/);
  });
});

describe("5. security headers", () => {
  it("sends a nonce CSP that Next's scripts carry, and forbids framing, sniffing and referrers on every answer", async () => {
    const first = await send("/login", { method: "GET", headers: {} });
    const second = await send("/login", { method: "GET", headers: {} });
    expect(first.status).toBe(200);
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    // Every script of the page carries the nonce, or the browser would refuse to run it.
    const scripts = [...first.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    for (const route of ["/login", "/api/health", "/api/dashboard/me"]) {
      const { headers } = await send(route, { method: "GET", headers: {} });
      expect(headers.get("x-frame-options"), route).toBe("DENY");
      expect(headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(headers.get("referrer-policy"), route).toBe("no-referrer");
      expect(headers.get("permissions-policy"), route).toContain("camera=()");
      expect(headers.get("content-security-policy"), route).toContain("default-src 'self'");
      // KMSWATCH_COOKIE_SECURE is false here: no HSTS (security-processes.test.ts checks it with true).
      expect(headers.get("strict-transport-security"), route).toBeNull();
    }
  });
});

describe("6. NUL bytes and text Postgres cannot store", () => {
  it.each([
    "/api/dashboard/clients?q=%00",
    "/api/dashboard/clients?kmsHost=a%00b",
    "/api/dashboard/agents?q=%00",
    "/api/dashboard/alerts?rule=%00",
    "/api/dashboard/export/clients.csv?q=%00",
    "/api/dashboard/audit-log?page=%00",
  ])("GET %s → 400 with the error shape", async (route) => {
    const answer = await getJson<{ error: { code: string } }>(route, { cookie: admin });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_request");
  });

  it("refuses NUL in JSON bodies that reach Postgres, and quarantines (never 500s) an ingested artifact holding one", async () => {
    const approve = await callApi<{ error: { code: string } }>("POST", "/api/dashboard/audit/approved", admin, { host: "kms\u0000.corp" });
    expect(approve).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
    const user = await callApi("POST", "/api/dashboard/users", admin, {
      email: "nul@x.example",
      name: "a\u0000b",
      role: "viewer",
      password: "password-123",
    });
    expect(user.status).toBe(400);
    const signIn = await post("/api/auth/sign-in", { email: "admin\u0000@x.example", password: "x" });
    expect(signIn.status).toBe(400);
    const agent = await enrollMachine("NUL");
    const ingest = await post<{ rejected: { index: number }[] }>(
      "/api/v1/ingest",
      envelope([{ type: "dlv", text: `${fixture("dlv", "client-kms-licensed-dns.en-US.txt")}\u0000` }]),
      agent.token,
    );
    expect(ingest.status).toBe(200);
    // An escaped backslash before "u0000" is text, not a NUL: not refused.
    const literal = await post("/api/v1/parse", undefined, agent.token, JSON.stringify({ type: "dlv", text: "not a dlv \\\\u0000" }));
    expect(literal.status).not.toBe(400);
  });
});

describe("8. what a viewer may download", () => {
  it("a viewer gets the CSV exports (the host audit included) but not support bundles; an admin gets both", async () => {
    const viewer = await newViewer();
    const client = await enrollMachine("WSEXPORT");
    expect(
      (await post("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }]), client.token))
        .status,
    ).toBe(200);
    const { id } = await sqlOne<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [client.fqdn]);
    for (const table of ["clients", "hosts", "audit"]) {
      expect((await getJson(`/api/dashboard/export/${table}.csv`, { cookie: viewer.cookie })).status, table).toBe(200);
    }
    expect((await getJson(`/api/dashboard/bundle/client/${id}.zip`, { cookie: viewer.cookie })).status).toBe(403);
    expect((await getJson(`/api/dashboard/bundle/host/${id}.zip`, { cookie: viewer.cookie })).status).toBe(403);
    expect((await getJson(`/api/dashboard/bundle/client/${id}.zip`, { cookie: admin })).status).toBe(200);
    expect((await getJson("/api/dashboard/audit-log", { cookie: viewer.cookie })).status).toBe(403);
  });
});
