import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/platform/config/config.ts";
import { checkCitusRules } from "../src/platform/db/citus-rules.ts";
import {
  distributionOrder,
  scalingDocEnd,
  scalingDocSection,
  scalingDocStart,
} from "../src/platform/db/citus-tables.ts";
import type { Database } from "../src/platform/db/database.ts";
import { openTestDatabase } from "./database.ts";

// Issue 14 item 6: the schema stays shardable on organisation_id. Runs on PGlite by default
// and on PostgreSQL when the suite has DATABASE_URL.

describe("the Citus rules", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it("are kept by every table, key, sequence and trigger the migrations create", async () => {
    const { distributed, problems } = await checkCitusRules(database);
    expect(problems).toEqual([]);
    expect(distributed.map((table) => table.name)).toEqual(
      expect.arrayContaining(["app_user", "user_session", "api_token", "audit_log", "pb_vote_code"]),
    );
  });

  it("catch each kind of break", async () => {
    // One connection and a rolled-back transaction: the probes never outlive the check.
    const problems = await database.withConnection(async (connection) => {
      await connection.execScript("BEGIN");
      try {
        await connection.execScript(`
          CREATE TABLE citus_probe (organisation_id uuid NOT NULL, id uuid PRIMARY KEY, email text);
          CREATE UNIQUE INDEX citus_probe_email ON citus_probe (lower(email));
          CREATE TABLE citus_probe_child (
            organisation_id uuid NOT NULL, id uuid NOT NULL, user_id uuid NOT NULL,
            PRIMARY KEY (organisation_id, id),
            FOREIGN KEY (user_id) REFERENCES citus_probe (id));
          CREATE TABLE citus_probe_unlisted (id uuid PRIMARY KEY);
          CREATE TABLE citus_probe_nullable (organisation_id uuid, id uuid NOT NULL);
          CREATE SEQUENCE citus_probe_seq;
          CREATE TRIGGER citus_probe_guard BEFORE DELETE ON citus_probe
            FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
          ALTER TABLE kith_setting ADD COLUMN probe_organisation uuid, ADD COLUMN probe_user uuid,
            ADD FOREIGN KEY (probe_organisation, probe_user) REFERENCES app_user (organisation_id, id);`);
        return (await checkCitusRules(connection)).problems;
      } finally {
        await connection.execScript("ROLLBACK");
      }
    });
    const expected = [
      /citus_probe: primary key citus_probe_pkey lacks organisation_id/,
      /citus_probe: unique key citus_probe_email lacks organisation_id/,
      /citus_probe_child: foreign key \S+ lacks organisation_id/,
      /citus_probe_unlisted has no organisation_id/,
      /citus_probe_nullable.organisation_id may be null/,
      /sequence citus_probe_seq/,
      /trigger citus_probe_guard on citus_probe/,
      /kith_setting is reference but its foreign key \S+ points at organisation data \(app_user\)/,
    ];
    for (const pattern of expected) expect(problems.some((problem) => pattern.test(problem))).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it("are printed in docs/scaling.md exactly as the list and the schema say", async () => {
    const { distributed } = await checkCitusRules(database);
    const doc = await readFile(path.join(projectRoot, "docs/scaling.md"), "utf8");
    const start = doc.indexOf(scalingDocStart);
    const end = doc.indexOf(scalingDocEnd);
    expect(start).toBeGreaterThanOrEqual(0);
    // When this fails after a migration added a table: npx node scripts/scaling-doc.ts
    expect(doc.slice(start, end + scalingDocEnd.length)).toBe(scalingDocSection(distributed));
  });
});

describe("the order tables are distributed in", () => {
  it("puts a table after every table its foreign keys point at", () => {
    const order = distributionOrder([
      { name: "case_party", references: ["safety_case", "person"] },
      { name: "safety_case", references: ["organisation", "home"] },
      { name: "home", references: ["local_authority"] },
      { name: "person", references: [] },
    ]);
    expect(order).toEqual(["home", "person", "safety_case", "case_party"]);
  });

  it("refuses a cycle of foreign keys, naming the tables", () => {
    expect(() =>
      distributionOrder([
        { name: "a", references: ["b"] },
        { name: "b", references: ["a"] },
      ]),
    ).toThrow(/cycle among: a, b/);
  });
});
