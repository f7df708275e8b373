import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { enrollMachine, fixture, getJson, post, signIn } from "./helpers";

describe("sign-in and access rules", () => {
  it("refuses wrong credentials with 401 and accepts the first admin from the environment", async () => {
    const wrong = await post("/api/auth/sign-in", { email: inject("admin").email, password: "not-the-password" });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    const cookie = await signIn();
    expect(cookie).toMatch(/^kmswatch_session=/);
  });

  it("lets a signed-in user use the parse preview, and refuses anonymous users", async () => {
    const cookie = await signIn();
    const response = await fetch(`${inject("baseUrl")}/api/v1/parse`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { products: { cmid: string }[] };
    expect(body.products[0]!.cmid).toBe("5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13");
  });

  it("never accepts an agent token on dashboard routes", async () => {
    const agent = await enrollMachine("NOPE");
    const answer = await getJson("/api/dashboard/overview", { authorization: `Bearer ${agent.token}` });
    expect(answer.status).toBe(401);
    const cookie = await signIn();
    expect((await getJson("/api/dashboard/overview", { cookie })).status).toBe(200);
  });

  it("signs out", async () => {
    const cookie = await signIn();
    const response = await fetch(`${inject("baseUrl")}/api/auth/sign-out`, { method: "POST", headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/kmswatch_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });
});
