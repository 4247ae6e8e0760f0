import { readdir } from "node:fs/promises";
import path from "node:path";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/platform/config/config.ts";
import { notDistributed } from "../src/platform/db/citus-tables.ts";
import type { Database } from "../src/platform/db/database.ts";
import { openTestDatabase } from "./database.ts";

/** Every Drizzle table declared in the code base: platform tables and each module's schema.ts (and schema/*.ts). */
async function declaredTables(): Promise<PgTable[]> {
  const files = [path.join(projectRoot, "src/platform/db/platform-schema.ts")];
  const modulesDir = path.join(projectRoot, "src/modules");
  for (const name of await readdir(modulesDir)) {
    const entries = await readdir(path.join(modulesDir, name)).catch(() => [] as string[]);
    if (entries.includes("schema.ts")) files.push(path.join(modulesDir, name, "schema.ts"));
    if (entries.includes("schema")) {
      for (const file of await readdir(path.join(modulesDir, name, "schema"))) {
        if (file.endsWith(".ts") && !file.endsWith(".test.ts"))
          files.push(path.join(modulesDir, name, "schema", file));
      }
    }
  }
  const tables = new Map<string, PgTable>();
  for (const file of files) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported))
      if (is(value, PgTable)) tables.set(getTableConfig(value).name, value);
  }
  return [...tables.values()];
}

// Migrations are hand-written SQL and the typed queries use Drizzle tables: this keeps the two in step.
describe("the Drizzle schema matches the migrated database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it("declares only tables and columns the migrations create, with the same nullability", async () => {
    const tables = await declaredTables();
    expect(tables.length).toBeGreaterThan(10);
    const columns = await database.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.is_nullable === "YES"]));
    const problems: string[] = [];
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const column of config.columns) {
        const key = `${config.name}.${column.name}`;
        if (!actual.has(key)) problems.push(`${key} is declared in Drizzle but not created by any migration`);
        else if (actual.get(key) === column.notNull && !column.primary) {
          problems.push(
            `${key} is ${column.notNull ? "NOT NULL" : "nullable"} in Drizzle but not in the database`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every organisation-owned table organisation_id in its primary key", async () => {
    const rows = await database.query<{ table_name: string; columns: string }>(
      `SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS columns
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name
       WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'
       GROUP BY tc.table_name`,
    );
    const withOrganisation = new Set(
      (
        await database.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organisation_id'",
        )
      ).map((r) => r.table_name),
    );
    // Tables kept off the shards on purpose (decision 0008); test/citus-rules.test.ts checks the rest.
    const exempt = new Set(Object.keys(notDistributed));
    const missing = rows.filter(
      (row) =>
        withOrganisation.has(row.table_name) &&
        !exempt.has(row.table_name) &&
        !row.columns.split(",").includes("organisation_id"),
    );
    expect(missing.map((row) => `${row.table_name} (${row.columns})`)).toEqual([]);
  });
});
