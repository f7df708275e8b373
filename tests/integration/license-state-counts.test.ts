// The overview's license-state counts come from deltas that triggers on machine_windows_state append
// (migration 20261125110000_license_state_counts): after any change, and after a fold, they must equal a
// count of the current states.
import { describe, expect, it } from "vitest";
import { foldLicenseStateDeltas } from "../../lib/ingest/licenseStateCounts";
import { enrollMachine, envelope, fixture, licenseCountMismatches, post, sql, sqlOne } from "./helpers";

const dlv = (name: string) => ({ type: "dlv", text: fixture("dlv", name) });

async function expectCountsMatchStates() {
  expect(await licenseCountMismatches()).toEqual([]);
}

describe("license-state counts kept by triggers", () => {
  it("follow a machine's first state, its changes and its removal, and survive a fold", async () => {
    const agent = await enrollMachine("LSC");
    const stateOf = async () =>
      (
        await sql<{ license_status: string }>(
          "SELECT ws.license_status FROM machine_windows_state ws JOIN machine m ON m.id = ws.machine_id WHERE m.fqdn = $1",
          [agent.fqdn],
        )
      )[0]?.license_status;

    expect((await post("/api/v1/ingest", envelope([dlv("client-kms-licensed-dns.en-US.txt")]), agent.token)).status).toBe(200);
    expect(await stateOf()).toBe("Licensed");
    await expectCountsMatchStates();

    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect((await post("/api/v1/ingest", envelope([dlv("client-kms-notification.en-US.txt")], later), agent.token)).status).toBe(200);
    expect(await stateOf()).toBe("Notification");
    await expectCountsMatchStates();

    await foldLicenseStateDeltas();
    await expectCountsMatchStates();
    const rows = await sqlOne<{ n: number; states: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT license_status)::int AS states FROM license_state_delta",
    );
    // One row per state once folded (a null state is its own group).
    expect(rows.n).toBeLessThanOrEqual(rows.states + 1);

    await sql("DELETE FROM machine WHERE fqdn = $1", [agent.fqdn]);
    await expectCountsMatchStates();
  });
});
