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

  it("finds the home by postcode without JavaScript, then opens the case at the chosen address", async () => {
    const token = await officer.csrfToken("/safety/cases/new");
    const { uprn: _uprn, ...fields } = form("noise");
    const short = await officer.post(
      "/safety/cases/new",
      { ...fields, addressSearch: "M", intent: "find-address" },
      { csrf: token },
    );
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Enter at least 2 characters of the address or postcode");
    const found = await officer.post(
      "/safety/cases/new",
      { ...fields, addressSearch: "me11aa", intent: "find-address" },
      { csrf: token },
    );
    expect(found.status).toBe(200);
    const page = await found.text();
    const choice = /name="place" type="radio" value="(home:[0-9a-f-]{36})"/.exec(page)?.[1] ?? "";
    expect(page).toContain("9300 Test Street, Testtown, ME1 1AA");
    expect(choice).not.toBe("");
    const opened = await officer.post(
      "/safety/cases/new",
      { ...fields, addressSearch: "me11aa", place: choice, relatedSeen: "|||" },
      { csrf: token },
    );
    // Related open cases at the same home are shown once before saving.
    const saved =
      opened.status === 303
        ? opened
        : await officer.post(
            "/safety/cases/new",
            {
              ...fields,
              addressSearch: "me11aa",
              place: choice,
              relatedSeen: /name="relatedSeen" value="([^"]*)"/.exec(await opened.text())?.[1] ?? "",
            },
            { csrf: token },
          );
    expect(saved.status).toBe(303);
    const casePage = await (await officer.get(saved.headers.get("location") ?? "")).text();
    expect(casePage).toContain("9300 Test Street, Testtown, ME1 1AA");
    expect(casePage).not.toContain("Location");
  });

  it("refuses a place that is not one of the organisation's", async () => {
    const token = await officer.csrfToken("/safety/cases/new");
    const response = await officer.post(
      "/safety/cases/new",
      { ...form("noise"), place: "home:00000000-0000-7000-8000-000000000000" },
      { csrf: token },
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Choose a place from the matches, or search again");
  });

  it("names what is shared and the council area on the case page, never their codes", async () => {
    const token = await officer.csrfToken("/safety/cases/new");
    const { uprn: _uprn, ...fields } = form("noise");
    const openSpace = {
      ...fields,
      locationType: "open-space",
      locationDescription: "Kestrel Park",
      laCode: "E06000035",
    };
    const first = await officer.post("/safety/cases/new", openSpace, { csrf: token });
    // Cases with the same complainant are shown once before saving.
    const relatedSeen = /name="relatedSeen" value="([^"]*)"/.exec(await first.text())?.[1] ?? "";
    const opened = await officer.post("/safety/cases/new", { ...openSpace, relatedSeen }, { csrf: token });
    expect(opened.status).toBe(303);
    const path = opened.headers.get("location")?.split("?")[0] ?? "";
    const shared = await officer.post(
      `${path}/publication`,
      { publishedFields: "lead-officer,next-step", nextStep: "A visit on Monday" },
      { csrf: await officer.csrfToken(`${path}/publication`) },
    );
    expect(shared.status).toBe(303);
    const page = await (await officer.get(path)).text();
    expect(page).toContain("The lead officer&#39;s name, The next step");
    expect(page).not.toContain("lead-officer, next-step");
    expect(page).toContain("Medway");
    expect(page).not.toContain("E06000035");
  });
});
