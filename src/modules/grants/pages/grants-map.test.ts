import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { awardApplication, makeProgramme, sendApplication } from "../test-support.ts";

// The grants list maps grants by the district that benefits, with the figures in a table.

const medway = "E06000035";
const maidstone = "E07000110";

let database: Database;
let officer: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  await database.query("INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, $2)", [
    org.id,
    medway,
  ]);
  const staff = { officer: actorFor(org.id, "officer"), manager: actorFor(org.id, "manager") };
  const group = actorFor(org.id, "community-group");
  const programme = await makeProgramme(database.db, staff.manager, testNow, { code: "MAP-1" });
  for (let i = 0; i < 2; i++) {
    const sent = await sendApplication(database.db, group, testNow, programme.id, {
      project: { amountRequestedPence: "9000" },
    });
    const grant = await awardApplication(database.db, staff, testNow, sent.id);
    // The beneficiary district is set directly: the award form's district is tested with the award.
    await database.query("UPDATE grant_award SET beneficiary_la_code = $1 WHERE id = $2", [
      maidstone,
      grant.id,
    ]);
  }
  await addUser(database, org.id, "officer", "officer@weald.example");
  officer = new TestBrowser(await buildTestApp(database));
  await officer.signIn("officer@weald.example");
});
afterAll(async () => database?.close());

describe("the grants map", () => {
  it("shows grants by district as a map with title, description, key and a table of counts", async () => {
    const response = await officer.get("/grants/manage/grants");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('<title id="grants-by-district-title">Grants awarded by district</title>');
    expect(text).toMatch(/<desc id="grants-by-district-desc">[^<]*Maidstone has the most: 2\.<\/desc>/);
    expect(text.match(/<path d="M[-0-9.]+,/g)).toHaveLength(2);
    expect(text).toContain('>Maidstone</th><td class="govuk-table__cell govuk-table__cell--numeric">2</td>');
    expect(text).toContain('>Medway</th><td class="govuk-table__cell govuk-table__cell--numeric">0</td>');
  });
});
