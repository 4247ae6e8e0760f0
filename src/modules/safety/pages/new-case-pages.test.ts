import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { makeHomes, medway } from "../testing/fixtures.ts";

// The officer's new-case form checks the category on the first submit, even when it would otherwise
// stop to show possibly related open cases first.

let database: Database;
let officer: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  await makeHomes(database, organisationId, medway, 1, 9300, "Kestrel House");
  await addUser(database, organisationId, "officer", "officer@example.org");
  officer = new TestBrowser(await buildTestApp(database));
  await officer.signIn("officer@example.org");
});

afterAll(async () => {
  await database.close();
});

const form = (category: string) => ({
  category,
  locationType: "home",
  uprn: "9300",
  summary: "Loud music every night",
  "openedOn-day": "1",
  "openedOn-month": "6",
  "openedOn-year": "2026",
  complainantName: "Ann Lee",
});

describe("new case form", () => {
  it("shows an unknown category's error on the first submit when there are related cases to show", async () => {
    const token = await officer.csrfToken("/safety/cases/new");
    // An open case at the same home, so the form would stop to show related cases.
    const first = await officer.post("/safety/cases/new", form("noise"), { csrf: token });
    expect(first.status).toBe(303);
    const unknown = await officer.post("/safety/cases/new", form("not-a-category"), { csrf: token });
    expect(unknown.status).toBe(422);
    const page = await unknown.text();
    expect(page).toContain("Choose a category: ");
    expect(page).toContain('href="#category"');
    expect(page).not.toContain("Possibly related open cases</h2>");
  });

  it("still shows related cases first for a known category", async () => {
    const token = await officer.csrfToken("/safety/cases/new");
    const page = await officer.post("/safety/cases/new", form("noise"), { csrf: token });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Possibly related open cases</h2>");
  });
});
