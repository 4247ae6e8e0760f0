import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { statementsDuring } from "../../../../test/statements.ts";
import type { Database } from "../../../platform/db/database.ts";
import { checkCommunityTrigger } from "../commands/community-trigger.ts";
import { openCase } from "../commands/open-case.ts";
import { updateSafetySettings } from "../commands/settings.ts";
import { getSafetySettings, londonDay } from "../domain/settings.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { getCase } from "./get-case.ts";
import { incidentCounts } from "./repeats.ts";

// The case page reads its repeat counts and Community Trigger count inside the case file
// statement, with the thresholds' windows computed in SQL. They must be the figures the commands
// compute with the thresholds Node reads, whatever the organisation has stored.

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

/** An organisation whose one complainant reported in January, April and June 2026 (today is 15 June). */
async function threeReports(name: string, uprnStart: number) {
  const organisation = await makeOrganisation(database.db, name);
  const [home] = await makeHomes(database, organisation.id, medway, 1, uprnStart);
  const personId = await makePerson(database, organisation.id, "Ada", "Quinn", home);
  const officer = actorFor(organisation.id, "officer");
  let last = "";
  for (const openedOn of ["2026-01-10", "2026-04-10", "2026-06-01"]) {
    const opened = await openCase(database.db, officer, testNow, {
      category: "noise",
      locationType: "home",
      homeId: home,
      summary: `Noise from ${openedOn}`,
      openedOn,
      parties: [{ role: "complainant", personId }],
    });
    last = opened.id;
  }
  return { organisationId: organisation.id, officer, personId, caseId: last };
}

/** The page's figures for the complainant, and the commands' own, with the thresholds Node reads. */
async function pageAndCommands(organisationId: string, caseId: string, personId: string) {
  const officer = actorFor(organisationId, "officer");
  const { result: file, statements } = await statementsDuring(database, () =>
    getCase(database.db, officer, testNow, caseId),
  );
  const today = londonDay(testNow);
  const settings = await getSafetySettings(database.db, organisationId);
  const counts = await incidentCounts(database.db, organisationId, [personId], today, settings);
  return {
    statements: statements.length,
    page: { incidents: file.parties[0]?.incidents, trigger: file.trigger },
    commands: {
      incidents: counts.get(personId),
      trigger: await checkCommunityTrigger(database.db, organisationId, caseId, today),
    },
  };
}

describe("case page figures and the stored thresholds", () => {
  it("uses the organisation's windows in the one case file statement", async () => {
    const { organisationId, personId, caseId } = await threeReports("Short Windows Homes", 7300);
    const manager = actorFor(organisationId, "manager");
    await updateSafetySettings(database.db, manager, testNow, {
      repeatWindowMonths: 3,
      triggerWindowMonths: 1,
    });
    const { statements, page, commands } = await pageAndCommands(organisationId, caseId, personId);
    expect(statements).toBe(1);
    expect(page).toEqual(commands);
    // Since 15 March: April and June; since 15 May: June only.
    expect(page.incidents?.victim).toBe(2);
    expect(page.trigger.qualifyingReports).toBe(1);
  });

  it("falls back to the defaults, as Node reads them, when the stored thresholds are not valid", async () => {
    const { organisationId, personId, caseId } = await threeReports("Odd Settings Homes", 7400);
    // Not valid as a whole (a retention period in words), so every threshold is its default,
    // although the two windows on their own would read as 3 and 1 months.
    await database.query(
      `INSERT INTO safety_setting (organisation_id, key, value, updated_at) VALUES ($1, 'thresholds', $2::jsonb, now())`,
      [
        organisationId,
        JSON.stringify({ repeatWindowMonths: 3, triggerWindowMonths: 1, retentionYears: "six" }),
      ],
    );
    const { statements, page, commands } = await pageAndCommands(organisationId, caseId, personId);
    expect(statements).toBe(2);
    expect(page).toEqual(commands);
    // Twelve and six months: all three reports.
    expect(page.incidents?.victim).toBe(3);
    expect(page.trigger.qualifyingReports).toBe(3);
  });
});
