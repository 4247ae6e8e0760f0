import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { statementsDuring } from "../../../test/statements.ts";
import type { Database } from "./database.ts";
import { preparedSql } from "./prepared-sql.ts";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe("prepared SQL", () => {
  it("renders the statement once and runs it with each call's values, on the handle and in a transaction", async () => {
    let builds = 0;
    const sum = preparedSql<{ total: number; label: string }>("kith_test_prepared_sum", () => {
      builds++;
      return sql`SELECT (${sql.placeholder("a")}::int + ${sql.placeholder("b")}::int) AS total, ${sql.placeholder("label")}::text AS label`;
    });
    const first = await statementsDuring(database, () => sum(database.db, { a: 1, b: 2, label: "one" }));
    const second = await statementsDuring(database, () => sum(database.db, { a: 40, b: 2, label: "two" }));
    expect(first.result).toEqual([{ total: 3, label: "one" }]);
    expect(second.result).toEqual([{ total: 42, label: "two" }]);
    expect(second.statements).toEqual(first.statements);
    expect(first.statements[0]).toMatch(/\$1::int \+ \$2::int/);
    const inTransaction = await database.db.transaction((tx) => sum(tx, { a: 5, b: 5, label: "tx" }));
    expect(inTransaction).toEqual([{ total: 10, label: "tx" }]);
    expect(builds).toBe(1);
    await expect(sum(database.db, { a: 1, b: 2 })).rejects.toThrow(/label/);
  });
});
