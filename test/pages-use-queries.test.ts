import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { is, Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";

// Issue 17 item 4: a page calls its module's queries, which check the policy first, so a GET is checked
// exactly like the POST beside it. A page that imports a table or drizzle's query builders is reaching
// past that check, so this fails on any such import under a module's pages/ folder.

const root = resolve(import.meta.dirname, "..");
const modulesDir = join(root, "src/modules");

function pageFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string, inPages: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, inPages || entry.name === "pages");
      else if (inPages && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) found.push(path);
    }
  };
  walk(modulesDir, false);
  return found.sort();
}

type ValueImport = { names: string[]; from: string };

/** The value (not type-only) imports of a file, with the names each brings in. */
function valueImports(source: string): ValueImport[] {
  const imports: ValueImport[] = [];
  for (const match of source.matchAll(/^import\s+(?!type\s)([\s\S]*?)\s+from\s+"([^"]+)";/gm)) {
    const clause = match[1] ?? "";
    const names = [
      ...clause.matchAll(/(?:^|[{,])\s*(?!type\s)([A-Za-z_$][\w$]*)(?:\s+as\s+[\w$]+)?\s*(?=[,}])/g),
    ]
      .map((name) => name[1] ?? "")
      .filter(Boolean);
    imports.push({ names, from: match[2] ?? "" });
  }
  return imports;
}

async function tablesImportedBy(file: string): Promise<string[]> {
  const reaching: string[] = [];
  for (const { names, from } of valueImports(readFileSync(file, "utf8"))) {
    if (from === "drizzle-orm" || from.startsWith("drizzle-orm/")) {
      reaching.push(`drizzle-orm (${names.join(", ")})`);
      continue;
    }
    if (!from.startsWith(".")) continue;
    const target = resolve(dirname(file), from);
    if (!/schema\.ts$/.test(target)) continue;
    const schema: Record<string, unknown> = await import(target);
    for (const name of names) if (is(schema[name], Table)) reaching.push(`table ${name} from ${from}`);
  }
  return reaching;
}

describe("pages reach data only through their module's queries", () => {
  it("finds the page files it checks", () => {
    expect(pageFiles().length).toBeGreaterThan(100);
  });

  it("recognises a table import and a query-builder import", async () => {
    const imports = valueImports(
      'import { eq, type SQL } from "drizzle-orm";\nimport type { Home } from "../schema.ts";\nimport { home, tenures } from "../schema.ts";\n',
    );
    expect(imports).toEqual([
      { names: ["eq"], from: "drizzle-orm" },
      { names: ["home", "tenures"], from: "../schema.ts" },
    ]);
  });

  it("no page imports a schema table or a drizzle query builder", async () => {
    const offenders: string[] = [];
    for (const file of pageFiles()) {
      for (const reach of await tablesImportedBy(file)) offenders.push(`${relative(root, file)}: ${reach}`);
    }
    expect(offenders).toEqual([]);
  });
});
