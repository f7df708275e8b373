// A finding's title, cause and fix in the reader's language: rendered from the catalogue messages the rules
// recorded, else (an alert stored before findings carried messages, or a key this version no longer has) the
// English text stored with it. Pure: the caller passes a renderer for the language (lib/core/i18n/render.ts).
import type { RenderMessage } from "@/lib/core/i18n/render";
import type { Finding } from "./finding";

export type FindingText = { title: string; cause: string; fix: string };
type Localizable = FindingText & { messages?: Finding["messages"] };

export function localizeFinding(finding: Localizable, render: RenderMessage): FindingText {
  const m = finding.messages;
  return {
    title: (m && render(m.title)) ?? finding.title,
    cause: (m && render(m.cause)) ?? finding.cause,
    fix: (m && render(m.fix)) ?? finding.fix,
  };
}

/**
 * A rule's name by its id (filters, per-rule lists, worst-finding columns), where only the stored English title
 * is at hand; rules whose title has values (e.g. the product a host key does not cover) keep the stored title.
 */
export function localizeRuleTitle(ruleId: string, storedTitle: string, render: RenderMessage): string {
  return render({ key: `findings.rules.${ruleId}.title` }) ?? storedTitle;
}
