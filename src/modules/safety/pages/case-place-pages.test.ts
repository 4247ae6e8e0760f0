import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { statementsDuring } from "../../../../test/statements.ts";
import type { Database } from "../../../platform/db/database.ts";
import { openCase } from "../commands/open-case.ts";
import { makeHomes, medway } from "../testing/fixtures.ts";

// A party's home is chosen by the same address search as the case's place, without JavaScript, and
// the case page shows where the case is in words and on a small locator map.

let database: Database;
let officer: TestBrowser;
let casePath: string;
let otherHomeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  const [homeId] = await makeHomes(database, organisationId, medway, 2, 9400, "Kestrel House");
  [otherHomeId] = await makeHomes(database, otherId, medway, 1, 9500, "Kestrel House");
  await addUser(database, organisationId, "officer", "officer@example.org");
  officer = new TestBrowser(await buildTestApp(database));
  await officer.signIn("officer@example.org");
  const opened = await openCase(database.db, actorFor(organisationId, "officer"), testNow, {
    category: "noise",
    locationType: "home",
    homeId,
    laCode: medway,
    summary: "Loud music every night",
    openedOn: "2026-06-01",
    parties: [{ role: "complainant", name: "Ann Lee" }],
  });
  casePath = `/safety/cases/${opened.id}`;
});

afterAll(async () => {
  await database.close();
});

const party = { role: "alleged-perpetrator", name: "Dora Quill" };

describe("adding a party by address search", () => {
  it("explains a search that is too short, and takes % and _ as characters", async () => {
    const form = `${casePath}/parties/new`;
    const token = await officer.csrfToken(form);
    const short = await officer.post(
      form,
      { ...party, addressSearch: " k ", intent: "find-address" },
      { csrf: token },
    );
    expect(short.status).toBe(422);
    const page = await short.text();
    expect(page).toContain("Enter at least 2 characters of the address or postcode");
    expect(page).toContain('href="#addressSearch"');
    const wildcard = await officer.post(
      form,
      { ...party, addressSearch: "9%0", intent: "find-address" },
      { csrf: token },
    );
    expect(wildcard.status).toBe(200);
    expect(await wildcard.text()).toContain("No homes match");
    // Nothing was saved by either search.
    expect(await (await officer.get(casePath)).text()).not.toContain("Dora Quill");
  });

  it("offers only the organisation's homes (not blocks), and saves the chosen home's address", async () => {
    const form = `${casePath}/parties/new`;
    const token = await officer.csrfToken(form);
    const found = await officer.post(
      form,
      { ...party, addressSearch: "9401 test", intent: "find-address" },
      { csrf: token },
    );
    expect(found.status).toBe(200);
    const page = await found.text();
    const choices = [...page.matchAll(/name="place" type="radio" value="([^"]+)"/g)].map((m) => m[1]);
    expect(choices).toHaveLength(1);
    expect(choices[0]).toMatch(/^home:[0-9a-f-]{36}$/);
    expect(page).toContain("9401 Test Street, Testtown, ME1 1AA");
    expect(page).not.toContain("9500 Test Street");
    const saved = await officer.post(
      form,
      { ...party, addressSearch: "9401 test", place: choices[0] },
      { csrf: token },
    );
    expect(saved.status).toBe(303);
    const casePage = await (await officer.get(casePath)).text();
    expect(casePage).toMatch(/Dora Quill[\s\S]*9401 Test Street, Testtown, ME1 1AA/);
  });

  it("refuses another organisation's home, keeping what was typed", async () => {
    const form = `${casePath}/parties/new`;
    const response = await officer.post(
      form,
      { ...party, name: "Eve Stone", place: `home:${otherHomeId}` },
      { csrf: await officer.csrfToken(form) },
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("Choose a home from the matches, or search again");
    expect(page).toContain('value="Eve Stone"');
    expect(await (await officer.get(casePath)).text()).not.toContain("Eve Stone");
  });
});

describe("where the case is", () => {
  it("shows the full address and a locator map with its text alternative", async () => {
    const page = await (await officer.get(casePath)).text();
    expect(page).toContain("9400 Test Street, Testtown, ME1 1AA");
    const svg = /<svg[^>]*aria-labelledby="case-locator-title"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? "";
    expect(svg).toContain('<title id="case-locator-title">Where it is: In Medway</title>');
    expect(svg).toContain('<desc id="case-locator-desc">In Medway. Medway is shaded dark blue');
    expect(Buffer.byteLength(svg)).toBeLessThan(8 * 1024);
    expect(page).toContain("In Medway. Source: Office for National Statistics");
  });
});

describe("the case page at a million cases (issue 14)", () => {
  it("answers in two statements: the session, then the case file with its place, what depends on its parties and its audit entry", async () => {
    await officer.get(casePath); // the organisation's categories and statuses are cached from the first view
    const { result, statements } = await statementsDuring(database, () => officer.get(casePath));
    expect(result.status).toBe(200);
    expect(statements.length).toBe(2);
    expect(statements.filter((s) => /user_session/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /audit_read_log/.test(s))).toHaveLength(1);
    expect(await result.text()).toContain("9400 Test Street, Testtown, ME1 1AA");
  });
});
