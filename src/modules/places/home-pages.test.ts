import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";

// The home form's TSM stock category and ownership dates, as a browser without JavaScript sends them.

let database: Database;
let officer: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  await database.query("INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, 'E06000035')", [
    organisationId,
  ]);
  await addUser(database, organisationId, "officer", "officer@example.org");
  officer = new TestBrowser(await buildTestApp(database));
  await officer.signIn("officer@example.org");
});
afterAll(async () => database.close());

const form = (dates: Record<string, string>) => ({
  uprn: "700000000001",
  addressLine1: "1 Form Street",
  town: "Chatham",
  postcode: "ME4 5AB",
  tenure: "shared-ownership",
  laCode: "E06000035",
  tsmStockCategory: "",
  ...dates,
});

describe("home form", () => {
  it("refuses a disposed date before the acquired date, linking the summary to the date's first box", async () => {
    const path = "/places/homes/new";
    const response = await officer.post(
      path,
      form({
        "acquiredOn-day": "1",
        "acquiredOn-month": "6",
        "acquiredOn-year": "2025",
        "disposedOn-day": "1",
        "disposedOn-month": "5",
        "disposedOn-year": "2025",
      }),
      { csrf: await officer.csrfToken(path) },
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('href="#disposedOn-day"');
    expect(page).toContain("The disposed date must be on or after the acquired date");
  });

  it("saves the dates and takes the category from the tenure", async () => {
    const path = "/places/homes/new";
    const response = await officer.post(
      path,
      form({ "acquiredOn-day": "1", "acquiredOn-month": "6", "acquiredOn-year": "2025" }),
      { csrf: await officer.csrfToken(path) },
    );
    expect(response.status).toBe(303);
    const home = await (await officer.get(response.headers.get("location") ?? "")).text();
    expect(home).toContain("Low-cost home ownership");
    expect(home).toContain("2025-06-01");
  });
});
