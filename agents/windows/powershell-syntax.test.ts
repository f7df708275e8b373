// No PowerShell runs here: every .ps1 is syntax-checked offline with tree-sitter's PowerShell grammar.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser } from "web-tree-sitter";

const HERE = import.meta.dirname;
const require = createRequire(import.meta.url);
let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const wasm = path.join(path.dirname(require.resolve("tree-sitter-powershell/package.json")), "tree-sitter-powershell.wasm");
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    // tests/ holds Pester files, not shipped; their syntax is checked by running them.
    e.isDirectory() ? (e.name === "tests" ? [] : scripts(path.join(dir, e.name))) : e.name.endsWith(".ps1") ? [path.join(dir, e.name)] : [],
  );
}

function errorsIn(source: string): string[] {
  const tree = parser.parse(source);
  if (!tree) throw new Error("parser returned no tree");
  if (!tree.rootNode.hasError) return [];
  const found: string[] = [];
  const walk = (node: typeof tree.rootNode) => {
    if (node.isError || node.isMissing) found.push(`line ${node.startPosition.row + 1}: ${node.text.slice(0, 60)}`);
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  return found.length ? found : ["(error node not located)"];
}

describe("PowerShell scripts", () => {
  const files = scripts(HERE);
  it("are all found", () => {
    expect(files.map((f) => path.relative(HERE, f)).sort()).toEqual([
      "install.ps1",
      "kmswatch-agent.ps1",
      "lib/Collect.ps1",
      "lib/Probe.ps1",
      "lib/Readiness.ps1",
      "lib/Send.ps1",
      "lib/State.ps1",
      "uninstall.ps1",
    ]);
  });
  for (const file of files) {
    it(`${path.relative(HERE, file)} parses without a syntax error`, () => {
      expect(errorsIn(readFileSync(file, "utf8"))).toEqual([]);
    });
  }
  it("reports an unbalanced brace", () => {
    const good = "param([string]$ServerUrl)\nif ($ServerUrl) { Invoke-RestMethod -Uri $ServerUrl }\n";
    expect(errorsIn(good)).toEqual([]);
    expect(errorsIn(good.replace("}", ""))).not.toEqual([]);
  });
});
