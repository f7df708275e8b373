import { describe, expect, it } from "vitest";
import { groupAlertsByRule, toggleGroupSelection } from "./groupAlerts";

const alert = (id: string, ruleId: string, fqdn: string, cause = `cause of ${ruleId}`) => ({
  id,
  ruleId,
  severity: ruleId === "count-low" ? "critical" : "warning",
  title: `title of ${ruleId}`,
  cause,
  fix: `fix of ${ruleId}`,
  subject: { fqdn },
});

describe("groupAlertsByRule", () => {
  it("makes one group per rule, in the order of each rule's first alert, alerts kept in order", () => {
    const groups = groupAlertsByRule([
      alert("1", "count-low", "kms01"),
      alert("2", "mak-client", "pc-1"),
      alert("3", "count-low", "kms02"),
      alert("4", "mak-client", "pc-2"),
    ]);
    expect(groups.map((g) => [g.ruleId, g.alerts.map((a) => a.id)])).toEqual([
      ["count-low", ["1", "3"]],
      ["mak-client", ["2", "4"]],
    ]);
    expect(groups[0]).toMatchObject({ severity: "critical", title: "title of count-low", cause: "cause of count-low", sameText: true });
  });

  it("says when the machines of one cause do not all read the same text", () => {
    const [group] = groupAlertsByRule([alert("1", "count-low", "kms01", "count 3"), alert("2", "count-low", "kms02", "count 7")]);
    expect(group?.sameText).toBe(false);
    expect(group?.example).toBe("kms01");
  });
});

describe("toggleGroupSelection", () => {
  it("selects the whole group unless all of it is selected, then clears only that group", () => {
    const some = toggleGroupSelection(new Set(["x", "a"]), ["a", "b"]);
    expect([...some].sort()).toEqual(["a", "b", "x"]);
    expect([...toggleGroupSelection(some, ["a", "b"])]).toEqual(["x"]);
    expect([...toggleGroupSelection(new Set(), [])]).toEqual([]);
  });
});
