import { describe, expect, it } from "vitest";
import { buildMessage, changeLabel, machineUrl } from "@/lib/evaluate/notify/message";
import { notifyText } from "@/lib/evaluate/notify/notifyText";
import { diagnoseHost } from "@/lib/evaluate/rules";
import { host, NOW } from "../../../tests/support/diagnosisFacts";

const summarize = notifyText("en").summary;
import { formatWebhook } from "@/lib/evaluate/notify/formatWebhook";
import { formatSlack, SLACK_MAX_ITEMS } from "@/lib/evaluate/notify/formatSlack";
import { formatTeams } from "@/lib/evaluate/notify/formatTeams";
import { formatEmail } from "@/lib/evaluate/notify/formatEmail";
import { item, message } from "@/lib/evaluate/notify/testMessage";

const forty = message(Array.from({ length: 40 }, (_, i) => item(i + 1)));

describe("message", () => {
  it("names each change and summarises a group in one line", () => {
    expect(changeLabel({ from: null, state: "open" })).toBe("opened");
    expect(changeLabel({ from: "resolved", state: "open" })).toBe("reopened");
    expect(changeLabel({ from: "open", state: "resolved" })).toBe("resolved");
    expect(changeLabel({ from: "acknowledged", state: "acknowledged" })).toBe("escalated");
    expect(summarize(message([item(1), item(2), item(3, { from: "open", state: "resolved" })]))).toBe(
      "kmswatch: 2 alerts opened, 1 resolved",
    );
    expect(summarize({ ...message([item(1)]), test: true })).toBe("kmswatch test notification");
  });

  it("builds items from pending events with links to the machine page", () => {
    const finding = {
      ruleId: "host-idle",
      severity: "warning" as const,
      subject: { kind: "host" as const, machineId: "h1", fqdn: "kms01" },
      title: "t",
      cause: "c",
      fix: "f",
      evidence: {},
      since: null,
    };
    const built = buildMessage(
      [{ alertId: "a1", fromState: null, toState: "open", finding }],
      "https://kmswatch.example/",
      new Date("2026-11-25T10:00:00Z"),
    );
    expect(built.items[0]).toMatchObject({
      alertId: "a1",
      ruleId: "host-idle",
      state: "open",
      from: null,
      url: "https://kmswatch.example/hosts/h1",
    });
    expect(machineUrl("http://x", { kind: "client", machineId: "c1", fqdn: "f" })).toBe("http://x/clients/c1");
  });
});

describe("formatWebhook", () => {
  it("lists every transition with the documented fields", () => {
    const body = formatWebhook(forty, new Date("2026-11-25T10:00:05Z"));
    expect(body.event).toBe("kmswatch.alerts");
    expect(body.sentAt).toBe("2026-11-25T10:00:05.000Z");
    expect(body.transitions).toHaveLength(40);
    expect(Object.keys(body.transitions[0]!).sort()).toEqual([
      "alertId",
      "cause",
      "fix",
      "from",
      "ruleId",
      "severity",
      "state",
      "subject",
      "title",
      "url",
    ]);
    expect(body).not.toHaveProperty("test");
  });
});

describe("formatSlack", () => {
  it("stays within Slack's block limit and escapes mrkdwn control characters", () => {
    const body = formatSlack(forty);
    expect(body.text).toBe("kmswatch: 40 alerts opened");
    expect(body.blocks).toHaveLength(1 + SLACK_MAX_ITEMS + 1);
    expect(JSON.stringify(body.blocks.at(-1))).toContain("20 more");
    const section = JSON.stringify(body.blocks[1]);
    expect(section).toContain("&lt; 25 &amp; &lt;clients&gt;");
    expect(section).toContain("<https://kmswatch.example/clients/m1|vdi-pool-001.vdi.corp.contoso.com>");
  });

  it("puts the worst severity first", () => {
    const body = formatSlack(message([item(1, { severity: "info" }), item(2, { severity: "critical" })]));
    expect(JSON.stringify(body.blocks[1])).toContain("vdi-pool-002");
  });
});

describe("formatTeams", () => {
  it("wraps an Adaptive Card in a message envelope", () => {
    const body = formatTeams(forty);
    expect(body.type).toBe("message");
    const card = body.attachments[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    const blocks = card.content.body as unknown[];
    expect(blocks).toHaveLength(1 + 20 + 1);
    expect(JSON.stringify(blocks[0])).toContain("40 alerts opened");
  });
});

describe("formatEmail", () => {
  it("lists every alert in text and escaped HTML", () => {
    const mail = formatEmail(message([item(1), item(2, { from: "open", state: "resolved" })]));
    expect(mail.subject).toBe("kmswatch: 1 alert opened, 1 resolved");
    expect(mail.text).toContain("[CRITICAL] Activation refused: KMS count too low — vdi-pool-001.vdi.corp.contoso.com (opened)");
    expect(mail.text).toContain("vdi-pool-002.vdi.corp.contoso.com (resolved)\n  Condition cleared.");
    expect(mail.html).toContain("&lt;clients&gt;");
    expect(mail.html).not.toContain("<clients>");
    expect(mail.html.match(/<tr>/g)).toHaveLength(3);
  });
});

describe("a channel's language", () => {
  // A real finding, so the item carries the catalogue messages its text was rendered from.
  const [finding] = diagnoseHost(host({ unreachableClients24h: 6 }), NOW);
  const events = [
    { alertId: "a1", fromState: null, toState: "open" as const, finding: finding! },
    {
      alertId: "a2",
      fromState: "open" as const,
      toState: "resolved" as const,
      finding: { ...finding!, subject: { ...finding!.subject, fqdn: "kms2" } },
    },
  ];
  const built = buildMessage(events, "https://kmswatch.example", new Date("2026-11-25T10:00:00Z"));

  it("writes e-mails in French: subject, labels, severity and the finding's own words", () => {
    const mail = formatEmail(built, "fr");
    expect(mail.subject).toBe("kmswatch : 1 alerte ouverte, 1 résolue");
    expect(mail.text).toContain("[CRITIQUE] Des clients n’atteignent pas cet hôte KMS — kms1.corp.example (ouverte)");
    expect(mail.text).toContain("  Cause : 6 clients n’ont pas pu atteindre cet hôte");
    expect(mail.text).toContain("  Correctif : Ouvrez TCP 1688");
    expect(mail.text).toContain("(résolue)\n  Le problème a disparu.");
    expect(mail.html).toContain("<th>Gravité</th><th>Changement</th><th>Machine</th><th>Problème</th>");
  });

  it("writes Slack and Teams messages in French, and English by default", () => {
    expect(formatSlack(built, "fr").text).toBe("kmswatch : 1 alerte ouverte, 1 résolue");
    expect(JSON.stringify(formatSlack(built, "fr").blocks[1])).toContain("*Correctif :* Ouvrez TCP 1688");
    expect(JSON.stringify(formatTeams(built, "fr"))).toContain("ouverte · critique · [ouvrir]");
    expect(JSON.stringify(formatSlack(built).blocks[1])).toContain(`*Fix:* ${finding!.fix.slice(0, 20)}`);
  });

  it("keeps the webhook machine-readable: English text plus the message references", () => {
    const [transition] = formatWebhook(built, new Date()).transitions;
    expect(transition?.cause).toBe(finding!.cause);
    expect(transition?.messages?.cause.key).toBe("findings.rules.host-clients-cannot-reach.cause");
  });

  it("renders an item stored before findings carried messages in its stored English", () => {
    const mail = formatEmail(message([item(1)]), "fr");
    expect(mail.text).toContain("[CRITIQUE] Activation refused: KMS count too low");
    expect(mail.subject).toBe("kmswatch : 1 alerte ouverte");
  });
});
