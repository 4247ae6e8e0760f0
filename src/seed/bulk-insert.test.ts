import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { makeOrganisation, testNow } from "../../test/fixtures.ts";
import { participant } from "../modules/investment/schema.ts";
import type { Database } from "../platform/db/database.ts";
import { newId } from "../platform/db/ids.ts";
import { bulkInsert } from "./bulk-insert.ts";

// The demo seed's bulk writer must store exactly what Drizzle's multi-row insert stores.

let database: Database;

const participants = (organisationId: string): (typeof participant.$inferInsert)[] => [
  {
    organisationId,
    id: newId(testNow.getTime()),
    personId: null,
    externalRef: "R-1",
    displayName: 'Ada O\'Brien, "Ade"',
    dateOfBirth: "1950-02-28",
    tenant: true,
    laCode: "E06000035",
    lsoa21Code: null,
    communities: ["older-residents", "disability"],
    createdAt: testNow,
  },
  {
    organisationId,
    id: newId(testNow.getTime()),
    displayName: "Zoë {Brace}, back\\slash",
    tenant: false,
    communities: [],
    createdAt: new Date("2026-01-01T23:59:59.123Z"),
  },
];

const stored = async (organisationId: string) =>
  (
    await database.db
      .select()
      .from(participant)
      .where(eq(participant.organisationId, organisationId))
      .orderBy(asc(participant.displayName))
  ).map(({ organisationId: _o, id: _i, ...rest }) => rest);

describe("bulkInsert", () => {
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it("stores the same rows as Drizzle's insert: arrays, dates, moments, quotes and left-out columns", async () => {
    const byDrizzle = await makeOrganisation(database.db, "Drizzle Homes");
    const byJson = await makeOrganisation(database.db, "Json Homes");
    await database.db.insert(participant).values(participants(byDrizzle.id));
    await bulkInsert(database.db, participant, participants(byJson.id));
    const expected = await stored(byDrizzle.id);
    expect(expected.map((p) => p.communities)).toEqual([["older-residents", "disability"], []]);
    expect(await stored(byJson.id)).toEqual(expected);
  });

  it("skips rows that are already there when asked to, and refuses a key that is not a column", async () => {
    const org = await makeOrganisation(database.db, "Twice Homes");
    const rows = participants(org.id);
    await bulkInsert(database.db, participant, rows);
    await bulkInsert(database.db, participant, rows, { onConflictDoNothing: true });
    expect(await stored(org.id)).toHaveLength(2);
    await expect(
      bulkInsert(database.db, participant, [
        { ...rows[0], nickname: "Ade" } as typeof participant.$inferInsert,
      ]),
    ).rejects.toThrow("nickname is not a column");
  });
});
