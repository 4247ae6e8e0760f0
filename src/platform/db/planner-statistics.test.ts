import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import type { Database } from "./database.ts";
import { refreshPlannerStatistics } from "./planner-statistics.ts";

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const rowEstimate = async (db: Database, table: string) =>
  (
    await db.query<{ estimate: number }>(
      "SELECT reltuples::float8 AS estimate FROM pg_class WHERE relname = $1",
      [table],
    )
  )[0]?.estimate;

// The tables switch autovacuum off so that on PostgreSQL only the code under test analyses them.
describe("planner statistics", () => {
  it("analyses tables that were never analysed, then leaves unchanged tables alone", async () => {
    database = await openTestDatabase();
    await database.execScript(
      "CREATE TABLE stats_probe (id int PRIMARY KEY, label text) WITH (autovacuum_enabled = false); INSERT INTO stats_probe SELECT g, 'row ' || g FROM generate_series(1, 20000) g;",
    );
    const first = await refreshPlannerStatistics(database);
    expect(first).toContain("stats_probe");
    expect(await rowEstimate(database, "stats_probe")).toBe(20000);
    const histogram = await database.query("SELECT 1 FROM pg_stats WHERE tablename = 'stats_probe'");
    expect(histogram.length).toBeGreaterThan(0);
    expect(await refreshPlannerStatistics(database)).not.toContain("stats_probe");
  });

  it("analyses a table again once it has grown by more than a fifth", async () => {
    database = await openTestDatabase();
    await database.execScript(
      "CREATE TABLE stats_growth (id int PRIMARY KEY, label text) WITH (autovacuum_enabled = false); INSERT INTO stats_growth SELECT g, 'row ' || g FROM generate_series(1, 10000) g;",
    );
    await refreshPlannerStatistics(database);
    await database.execScript(
      "INSERT INTO stats_growth SELECT g, 'row ' || g FROM generate_series(10001, 15000) g;",
    );
    expect(await refreshPlannerStatistics(database)).toContain("stats_growth");
    expect(await rowEstimate(database, "stats_growth")).toBe(15000);
  });
});
