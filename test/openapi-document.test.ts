import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { buildTestApp } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import type { Components, Operation, Schema } from "./fuzz/openapi-inputs.ts";
import { resolve } from "./fuzz/openapi-inputs.ts";

// Issue 18 item 11: every request body is described and every path parameter is in its path.

type Document = {
  paths: Record<string, Record<string, Operation & { parameters?: { name: string; in: string }[] }>>;
  components?: { schemas?: Components };
};

function described(schema: Schema | undefined, components: Components): boolean {
  const s = resolve(schema, components);
  if (s.allOf || s.anyOf || s.oneOf || s.type === "array") return true;
  return s.type === "object" && Object.keys(s.properties ?? {}).length > 0;
}

describe("the OpenAPI document", () => {
  let database: Database;
  let document: Document;
  beforeAll(async () => {
    database = await openTestDatabase();
    const app: Hono<AppEnv> = await buildTestApp(database);
    document = (await (await app.request("/api/openapi.json")).json()) as Document;
  });
  afterAll(async () => database.close());

  it("describes every request body's fields (no bare 'any object')", () => {
    const bare: string[] = [];
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item)) {
        const content = operation.requestBody?.content;
        if (!content) continue;
        for (const [type, media] of Object.entries(content))
          if (type.includes("json") && !described(media.schema, document.components?.schemas ?? {}))
            bare.push(`${method.toUpperCase()} ${path}`);
      }
    expect(bare).toEqual([]);
  });

  it("declares exactly the path parameters each path has", () => {
    const mismatched: string[] = [];
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item)) {
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
        const declared = (operation.parameters ?? [])
          .filter((p) => p.in === "path")
          .map((p) => p.name)
          .sort();
        if (inPath.join() !== declared.join())
          mismatched.push(`${method.toUpperCase()} ${path}: path has [${inPath}], declares [${declared}]`);
      }
    expect(mismatched).toEqual([]);
  });

  it("links only to documents that exist", async () => {
    const { existsSync } = await import("node:fs");
    const text = JSON.stringify(document);
    const linked = [...text.matchAll(/docs\/[a-z0-9-]+\.md/g)].map((m) => m[0]);
    expect(linked.filter((file) => !existsSync(file))).toEqual([]);
  });

  // Issue 17: the API contract is a committed file, so a refactoring of route registration (or any
  // change) that alters what clients see shows up here. A deliberate change rewrites it with
  // `KITH_UPDATE_CONTRACT=1 npx vitest run test/openapi-document.test.ts` (then biome formats it).
  it("is the committed contract, test/openapi-contract.json", async () => {
    const file = path.join(import.meta.dirname, "openapi-contract.json");
    if (process.env.KITH_UPDATE_CONTRACT === "1") await writeFile(file, JSON.stringify(document, null, 2));
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(document);
  });
});
