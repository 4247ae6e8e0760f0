import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, signedInUser, type TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { smallCount } from "../../../platform/http/place-profile.ts";
import { importCases } from "../../safety/commands/import-cases.ts";
import { createCommunityAsset } from "../index.ts";
import { addProfileHomes, medway, medway015A } from "../testing/profile-homes.ts";

// The neighbourhood and district profiles, and the ASB hot spots page, over HTTP without JavaScript.

let database: Database;
let officer: TestBrowser;
let board: TestBrowser;
let group: TestBrowser;
let other: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  await database.query("INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, $2)", [
    organisationId,
    medway,
  ]);
  await addProfileHomes(database, organisationId, testNow, "Profile Street", 5000);
  await createCommunityAsset(database, systemActor(organisationId, "test"), testNow, {
    name: "Luton Millennium Green",
    assetType: "park",
    laCode: medway,
    lsoa21Code: medway015A,
    owner: "Medway Council",
  });
  const header = "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports";
  // Six noise cases (shown as 6) and two drugs cases (shown as "fewer than 5") in the last 12 months.
  const rows = [
    ...Array.from(
      { length: 6 },
      (_, i) => `N-${i},2026-0${i + 1}-10,,noise,,${5000 + i},P${i}:complainant,2026-0${i + 1}-10`,
    ),
    "D-1,2026-02-01,,drugs,,5000,Q1:complainant,2026-02-01",
    "D-2,2026-03-01,,drugs,,5001,Q2:complainant,2026-03-01",
  ];
  await importCases(
    database.db,
    systemActor(organisationId, "test"),
    testNow,
    [header, ...rows].join("\n"),
    "c.csv",
  );
  const app = await buildTestApp(database);
  officer = await signedInUser(database, app, organisationId, "officer", "officer@example.org");
  board = await signedInUser(database, app, organisationId, "read-only", "board@example.org");
  group = await signedInUser(database, app, organisationId, "community-group", "group@example.org");
  other = await signedInUser(database, app, otherId, "officer", "other@example.org");
});
afterAll(async () => database.close());

describe("place profiles", () => {
  it("suppresses counts from 1 to 4", () => {
    expect([0, 1, 4, 5, 1200].map(smallCount)).toEqual(["0", "fewer than 5", "fewer than 5", "5", "1,200"]);
  });

  it("shows a neighbourhood's deprivation, homes and case counts by category, small ones suppressed", async () => {
    const response = await officer.get(`/places/neighbourhoods/${medway015A}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1 class="govuk-heading-l">Medway 015A</h1>');
    expect(page).toContain("Decile 2");
    expect(page).toContain("6 homes by tenure");
    expect(page).toContain("Luton Millennium Green");
    expect(page).toMatch(/Noise<\/td><td[^>]*>6</);
    expect(page).toMatch(/Drugs<\/td><td[^>]*>fewer than 5</);
    expect(page).toContain("Community investment");
    expect(page).toContain('href="/safety/hot-spots#neighbourhoods"');
    expect(page).not.toContain("5000 Profile Street");
  });

  it("shows a district with its neighbourhoods linked to their profiles", async () => {
    const response = await board.get(`/places/districts/${medway}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(">Medway</h1>");
    expect(page).toContain(`href="/places/neighbourhoods/${medway015A}"`);
    expect(page).toContain("Grants");
    expect((await officer.get("/places/districts/E99999999")).status).toBe(404);
  });

  it("maps community assets by local authority, each district linked to its profile", async () => {
    const page = await (await officer.get("/places/assets")).text();
    expect(page).toContain('id="asset-map"');
    expect(page).toContain(`<a class="govuk-link" href="/places/districts/${medway}">Medway</a>`);
  });

  it("keeps profiles from community groups and another organisation's figures out", async () => {
    expect((await group.get(`/places/neighbourhoods/${medway015A}`)).status).toBe(403);
    expect((await group.get(`/places/districts/${medway}`)).status).toBe(403);
    const page = await (await other.get(`/places/neighbourhoods/${medway015A}`)).text();
    expect(page).toContain("We have no homes recorded here.");
    expect(page).not.toMatch(/Noise<\/td>/);
  });

  it("ranks hot spots and states the method", async () => {
    const response = await board.get("/safety/hot-spots?from=2026-01-01&to=2026-06-30&category=noise");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("How these figures are worked out");
    expect(page).toContain("docs/figures/asb-hot-spots.md");
    // Six noise reports over six homes: 1,000 per 1,000 homes.
    expect(page).toContain("1000.00");
    expect(page).toContain('id="hot-spot-map"');
    expect((await group.get("/safety/hot-spots")).status).toBe(403);
    expect((await officer.get("/safety/hot-spots?category=nope")).status).toBe(422);
  });
});
