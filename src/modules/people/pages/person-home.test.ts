import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { makeHomes, medway } from "../../safety/testing/fixtures.ts";

// A person's home is chosen by the shared address search of places (homes only), without JavaScript.

let database: Database;
let officer: TestBrowser;
let otherHomeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  await makeHomes(database, organisationId, medway, 2, 9600, "Wren House");
  [otherHomeId] = await makeHomes(database, otherId, medway, 1, 9700);
  await addUser(database, organisationId, "officer", "officer@example.org");
  officer = new TestBrowser(await buildTestApp(database));
  await officer.signIn("officer@example.org");
});

afterAll(async () => {
  await database.close();
});

const person = { givenName: "Iris", familyName: "Penn", personType: "tenant" };

describe("choosing a person's home by address", () => {
  it("explains a short search, then finds the home and saves the person living there", async () => {
    const token = await officer.csrfToken("/people/new");
    const short = await officer.post(
      "/people/new",
      { ...person, addressSearch: "9", intent: "find-address" },
      { csrf: token },
    );
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Enter at least 2 characters of the address or postcode");
    const found = await officer.post(
      "/people/new",
      { ...person, addressSearch: "9601", intent: "find-address" },
      { csrf: token },
    );
    expect(found.status).toBe(200);
    const page = await found.text();
    const choices = [...page.matchAll(/name="place" type="radio" value="([^"]+)"/g)].map((m) => m[1]);
    expect(choices).toEqual([expect.stringMatching(/^home:[0-9a-f-]{36}$/)]);
    expect(page).toContain('value="Iris"');
    const saved = await officer.post(
      "/people/new",
      { ...person, addressSearch: "9601", place: choices[0] },
      { csrf: token },
    );
    expect(saved.status).toBe(303);
    const personPage = await (await officer.get(saved.headers.get("location") ?? "")).text();
    expect(personPage).toContain("9601 Test Street, ME1 1AA");
  });

  it("refuses another organisation's home on the matches, saving nothing", async () => {
    const response = await officer.post(
      "/people/new",
      { ...person, givenName: "Olga", place: `home:${otherHomeId}` },
      { csrf: await officer.csrfToken("/people/new") },
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("Choose a home from the list");
    expect(page).toContain('href="#place"');
    expect(await (await officer.get("/people?search=Olga")).text()).toContain("0 people");
  });
});
