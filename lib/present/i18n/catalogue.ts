// Checks that two message catalogues hold the same keys and, per key, the same ICU placeholders:
// a key missing in one language shows its raw id to the user; a renamed placeholder shows "{count}".
// Only the catalogue test uses it (the ICU parser is a dev dependency; next-intl parses at run time).

import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from "@formatjs/icu-messageformat-parser";

type Tree = { [key: string]: string | Tree };

/** "nav.hosts" → "KMS hosts", every leaf of a nested catalogue. */
export function flattenMessages(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flattenMessages(value, path)) out.set(k, v);
  }
  return out;
}

/** Argument names of an ICU message, and its rich-text tags as "<code>": "{count, plural, one {# host} other {# hosts}} on {host}". */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isArgumentElement(el) || isNumberElement(el) || isDateElement(el) || isTimeElement(el)) names.add(el.value);
      if (isPluralElement(el) || isSelectElement(el)) {
        names.add(el.value);
        for (const option of Object.values(el.options)) visit(option.value);
      }
      // A missing tag renders its content unstyled, or loses a link.
      if (isTagElement(el)) {
        names.add(`<${el.value}>`);
        visit(el.children);
      }
    }
  };
  visit(parse(message));
  return [...names].sort();
}

export type CatalogueProblem = { key: string; problem: string };

export function compareCatalogues(catalogues: Record<string, Tree>): CatalogueProblem[] {
  const flat = Object.entries(catalogues).map(([locale, tree]) => [locale, flattenMessages(tree)] as const);
  const allKeys = new Set(flat.flatMap(([, messages]) => [...messages.keys()]));
  const problems: CatalogueProblem[] = [];
  for (const key of [...allKeys].sort()) {
    const present = flat.filter(([, messages]) => messages.has(key));
    for (const [locale] of flat.filter(([, messages]) => !messages.has(key))) problems.push({ key, problem: `missing in ${locale}` });
    const shapes = new Set(present.map(([, messages]) => placeholders(messages.get(key) ?? "").join(",")));
    if (shapes.size > 1)
      problems.push({
        key,
        problem: `placeholders differ: ${present.map(([l, m]) => `${l} {${placeholders(m.get(key) ?? "").join(", ")}}`).join(" / ")}`,
      });
    for (const [locale, messages] of present)
      if ((messages.get(key) ?? "").trim() === "") problems.push({ key, problem: `empty in ${locale}` });
  }
  return problems;
}
