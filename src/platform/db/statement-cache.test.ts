import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import type { Database } from "./database.ts";
import { prepareHotStatements, statementNamer } from "./statement-cache.ts";

describe("statement names", () => {
  it("names a parameterised statement from its second use, the same name for the same text", () => {
    const nameFor = statementNamer();
    const text = "SELECT * FROM safety_case WHERE organisation_id = $1 AND id = $2";
    expect(nameFor(text, ["a", "b"])).toBeUndefined();
    const name = nameFor(text, ["c", "d"]);
    expect(name).toMatch(/^kith_[0-9a-f]{24}$/);
    expect(nameFor(text, ["e", "f"])).toBe(name);
    expect(statementNamer()(text, ["x"]) ?? statementNamer({ threshold: 1 })(text, ["x"])).toBe(name);
    expect(nameFor("SELECT * FROM safety_case WHERE id = $1", ["a"])).toBeUndefined();
  });

  it("leaves statements without parameters unnamed, and stops naming at its capacity", () => {
    const nameFor = statementNamer({ threshold: 1, capacity: 2 });
    expect(nameFor("BEGIN", [])).toBeUndefined();
    expect(nameFor("SELECT 1", undefined)).toBeUndefined();
    expect(nameFor("SELECT $1::int", [1])).toBeDefined();
    expect(nameFor("SELECT $1::text", ["a"])).toBeDefined();
    expect(nameFor("SELECT $1::uuid", ["a"])).toBeUndefined();
    expect(nameFor("SELECT $1::int", [2])).toBeDefined();
  });

  it("passes the name to the driver for both call shapes and keeps a caller's own name", async () => {
    const sent: unknown[][] = [];
    const client = { query: (...args: unknown[]) => sent.push(args) };
    prepareHotStatements(client, statementNamer({ threshold: 1 }));
    client.query("SELECT $1::int", [1]);
    client.query({ text: "SELECT $1::text", rowMode: "array" }, ["a"]);
    client.query({ text: "SELECT $1::date", name: "mine" }, ["2026-01-01"]);
    client.query("COMMIT");
    expect(sent[0]?.[0]).toMatchObject({
      text: "SELECT $1::int",
      values: [1],
      name: expect.stringMatching(/^kith_/),
    });
    expect(sent[1]?.[0]).toMatchObject({
      text: "SELECT $1::text",
      rowMode: "array",
      name: expect.stringMatching(/^kith_/),
    });
    expect(sent[1]?.[1]).toEqual(["a"]);
    expect(sent[2]?.[0]).toMatchObject({ name: "mine" });
    expect(sent[3]).toEqual(["COMMIT"]);
  });
});

describe("prepared statements on the database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("prepares a repeated statement once per PostgreSQL connection (PGlite: one in-process session, unnamed)", async () => {
    const text = "SELECT count(*)::int AS n FROM organisation WHERE id <> $1::uuid";
    const prepared = await database.withConnection(async (connection) => {
      for (let i = 0; i < 3; i++) {
        const [row] = await connection.query<{ n: number }>(text, ["00000000-0000-0000-0000-000000000000"]);
        expect(row?.n).toBeGreaterThanOrEqual(0);
      }
      return connection.query<{ name: string; statement: string }>(
        "SELECT name, statement FROM pg_prepared_statements WHERE statement = $1",
        [text],
      );
    });
    if (database.kind === "postgres") {
      expect(prepared).toHaveLength(1);
      expect(prepared[0]?.name).toMatch(/^kith_[0-9a-f]{24}$/);
    } else {
      expect(prepared).toEqual([]);
    }
  });
});
