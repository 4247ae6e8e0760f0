import { asc, desc } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import type { Database } from "./database.ts";
import { organisationRows } from "./organisation-rows.ts";

// A table of this test's own, so the helper is checked apart from any module's data.
const shelf = pgTable("organisation_rows_test_shelf", {
  organisationId: uuid("organisation_id").notNull(),
  id: uuid("id").notNull(),
  label: text("label").notNull(),
});
const ours = "00000000-0000-7000-8000-000000000001";
const theirs = "00000000-0000-7000-8000-000000000002";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.query(
    "CREATE TABLE organisation_rows_test_shelf (organisation_id uuid NOT NULL, id uuid NOT NULL, label text NOT NULL)",
  );
  await database.db.insert(shelf).values([
    { organisationId: ours, id: "00000000-0000-7000-8000-00000000000a", label: "beta" },
    { organisationId: theirs, id: "00000000-0000-7000-8000-00000000000b", label: "alpha" },
    { organisationId: ours, id: "00000000-0000-7000-8000-00000000000c", label: "gamma" },
    { organisationId: ours, id: "00000000-0000-7000-8000-00000000000d", label: "alpha" },
  ]);
});

afterAll(async () => {
  await database.close();
});

describe("organisationRows", () => {
  it("reads only the organisation's own rows, whole, in the order asked", async () => {
    const rows = await organisationRows(database.db, shelf, ours, asc(shelf.label));
    expect(rows.map((r) => r.label)).toEqual(["alpha", "beta", "gamma"]);
    expect(rows.every((r) => r.organisationId === ours)).toBe(true);
    expect(Object.keys(rows[0]).sort()).toEqual(["id", "label", "organisationId"]);
  });

  it("follows a descending order, and with no order still keeps to the one organisation", async () => {
    const rows = await organisationRows(database.db, shelf, ours, desc(shelf.label));
    expect(rows.map((r) => r.label)).toEqual(["gamma", "beta", "alpha"]);
    const others = await organisationRows(database.db, shelf, theirs);
    expect(others.map((r) => r.id)).toEqual(["00000000-0000-7000-8000-00000000000b"]);
  });
});
