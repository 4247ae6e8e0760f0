import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { linkSameMatter } from "../commands/link-same-matter.ts";
import { unlinkSameMatter } from "../commands/unlink-same-matter.ts";
import { nm01 } from "../queries/nm01.ts";
import { sameMatterLinksOf } from "../queries/same-matter-links.ts";
import { openHomeCase } from "../testing/cases.ts";
import { makeHomes, medway, type SafetyStaff, signedInSafetyStaff } from "../testing/fixtures.ts";

// Issue 15: a same-matter link made in error can be undone, and NM01 then counts the case again.

let database: Database;
let organisationId: string;
let staff: SafetyStaff;
const cases: { id: string; reference: string }[] = [];
const officer = () => actorFor(organisationId, "officer");
const year = { from: "2026-04-01", to: "2027-03-31" };

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 8100);
  for (const summary of ["Shouting in the stairwell", "Shouting in the stairwell again"]) {
    const opened = await openHomeCase(database, officer(), homeId, {
      summary,
      parties: [{ role: "alleged-perpetrator", name: "Dora Quill" }],
    });
    cases.push({ id: opened.id, reference: opened.reference });
  }
  staff = await signedInSafetyStaff(database, organisationId);
});

afterAll(async () => {
  await database.close();
});

const medwayCases = async () =>
  (await nm01(database.db, officer(), year)).areas.find((area) => area.laCode === medway)?.cases;

describe("undoing a same-matter link", () => {
  it("offers to remove a link, refuses without a reason, and counts the case on its own again", async () => {
    const [first, second] = cases;
    expect(await medwayCases()).toBe(2);
    await linkSameMatter(database.db, officer(), testNow, second.id, {
      sameAsReference: first.reference,
      reason: "Reported twice",
    });
    expect(await medwayCases()).toBe(1);

    const page = await (await staff.officer.get(`/safety/cases/${second.id}/same-matter`)).text();
    expect(page).toContain("Remove the link");
    const csrf = await staff.officer.csrfToken(`/safety/cases/${second.id}/same-matter`);
    const refused = await staff.officer.post(
      `/safety/cases/${second.id}/same-matter/remove`,
      { reason: " " },
      { csrf },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Say why the cases are not the same matter after all");
    expect((await sameMatterLinksOf(database.db, officer(), second.id)).sameAs).toBe(first.reference);

    const removed = await staff.officer.post(
      `/safety/cases/${second.id}/same-matter/remove`,
      { reason: "Different flats after all" },
      { csrf },
    );
    expect(removed.status).toBe(303);
    expect(await sameMatterLinksOf(database.db, officer(), second.id)).toEqual({
      sameAs: null,
      linkedHere: [],
    });
    expect(await medwayCases()).toBe(2);

    const [entry] = await database.query<{ action: string; summary: string }>(
      "SELECT action, summary FROM audit_log WHERE organisation_id = $1 AND entity_type = 'safety_same_matter_link' AND action = 'delete'",
      [organisationId],
    );
    expect(entry).toEqual({
      action: "delete",
      summary: `Removed the same-matter link of ${second.reference} to ${first.reference}`,
    });
    const timeline = await database.query<{ title: string }>(
      "SELECT title FROM safety_timeline_entry WHERE organisation_id = $1 AND case_id = $2",
      [organisationId, first.id],
    );
    expect(timeline.map((row) => row.title)).toContain(
      `${second.reference} no longer linked to this case as the same matter`,
    );
  });

  it("refuses a case with no link, and people who do not work cases", async () => {
    await expect(
      unlinkSameMatter(database.db, officer(), testNow, cases[0].id, { reason: "test" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      unlinkSameMatter(database.db, actorFor(organisationId, "read-only"), testNow, cases[1].id, {
        reason: "x",
      }),
    ).rejects.toMatchObject({ status: 403 });
    const other = (await makeOrganisation(database.db)).id;
    await expect(
      unlinkSameMatter(database.db, actorFor(other, "officer"), testNow, cases[1].id, { reason: "x" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
