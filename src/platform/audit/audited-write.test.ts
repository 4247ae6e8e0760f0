import { and, asc, eq } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { auditLog } from "../db/platform-schema.ts";
import { deleteAudited, insertAudited, updateAudited } from "./audited-write.ts";

// A table of this test's own, so the helper is tried without any module's schema.
const note = pgTable("audited_write_note", {
  organisationId: uuid("organisation_id").notNull(),
  id: uuid("id").notNull(),
  body: text("body").notNull(),
});

let database: Database;
let ours: string;
let theirs: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.query(
    "CREATE TABLE audited_write_note (organisation_id uuid NOT NULL, id uuid NOT NULL, body text NOT NULL, PRIMARY KEY (organisation_id, id))",
  );
  ours = (await makeOrganisation(database.db, "Ours")).id;
  theirs = (await makeOrganisation(database.db, "Theirs")).id;
});
afterAll(async () => database.close());

const noteEntries = (organisationId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.entityType, "note")))
    .orderBy(asc(auditLog.seq));

describe("updateAudited and deleteAudited", () => {
  it("change the actor's organisation's row and record the change, then the removal", async () => {
    const actor = actorFor(ours, "officer");
    const id = newId();
    await database.db.insert(note).values({ organisationId: ours, id, body: "first" });
    const updated = await updateAudited(database.db, actor, testNow, note, id, { body: "second" }, (row) => ({
      entityType: "note",
      summary: "Note changed",
      after: { body: row.body },
    }));
    expect(updated).toMatchObject({ id, body: "second" });
    await deleteAudited(database.db, actor, testNow, note, id, {
      entityType: "note",
      summary: "Note removed",
    });
    expect(await database.db.select().from(note).where(eq(note.id, id))).toEqual([]);
    expect((await noteEntries(ours)).map((e) => [e.action, e.entityType, e.entityId, e.summary])).toEqual([
      ["update", "note", id, "Note changed"],
      ["delete", "note", id, "Note removed"],
    ]);
  });

  it("leave another organisation's row with the same id alone", async () => {
    const id = newId();
    await database.db.insert(note).values({ organisationId: theirs, id, body: "theirs" });
    const actor = actorFor(ours, "officer");
    await updateAudited(
      database.db,
      actor,
      testNow,
      note,
      id,
      { body: "changed" },
      {
        entityType: "note",
        summary: "Note changed",
      },
    );
    await deleteAudited(database.db, actor, testNow, note, id, {
      entityType: "note",
      summary: "Note removed",
    });
    expect(await database.db.select().from(note).where(eq(note.id, id))).toEqual([
      { organisationId: theirs, id, body: "theirs" },
    ]);
  });
});

describe("insertAudited", () => {
  it("adds the row to the actor's organisation under a new id and records its creation", async () => {
    const actor = actorFor(ours, "officer");
    const id = await insertAudited(
      database.db,
      actor,
      testNow,
      note,
      { body: "added" },
      {
        entityType: "note",
        summary: "Note added",
      },
    );
    expect(await database.db.select().from(note).where(eq(note.id, id))).toEqual([
      { organisationId: ours, id, body: "added" },
    ]);
    expect((await noteEntries(ours)).at(-1)).toMatchObject({
      action: "create",
      entityType: "note",
      entityId: id,
      summary: "Note added",
    });
    expect((await noteEntries(theirs)).map((e) => e.entityId)).not.toContain(id);
  });
});
