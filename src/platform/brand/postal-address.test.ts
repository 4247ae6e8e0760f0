import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Organisation } from "../access/organisations.ts";
import type { Database } from "../db/database.ts";
import { brandOf } from "./brand-of.ts";

// The organisation's postal address for letterheads, set on the administrator's brand page.

let database: Database;
let organisation: Organisation;
let admin: TestBrowser;
let officer: TestBrowser;

const save = async (browser: TestBrowser, fields: Record<string, string>) =>
  browser.post("/admin/brand", fields, { csrf: await browser.csrfToken("/") });

beforeAll(async () => {
  database = await openTestDatabase();
  organisation = await makeOrganisation(database.db, "Postal Homes");
  await addUser(database, organisation.id, "organisation-admin", "admin@postal.example");
  await addUser(database, organisation.id, "officer", "officer@postal.example");
  const app = await buildTestApp(database);
  admin = new TestBrowser(app);
  officer = new TestBrowser(app);
  await admin.signIn("admin@postal.example");
  await officer.signIn("officer@postal.example");
});
afterAll(async () => database.close());

describe("the organisation's postal address", () => {
  it("is saved one line each with a checked postcode, and shown again on the settings page", async () => {
    const response = await save(admin, {
      postalAddress: "Weald House\n\n  2 Castle Street \nChatham",
      postalPostcode: "me4 4tr",
    });
    expect(response.status).toBe(303);
    expect((await brandOf(database.db, organisation.id))?.postalAddress).toEqual([
      "Weald House",
      "2 Castle Street",
      "Chatham",
      "ME4 4TR",
    ]);
    const page = await (await admin.get("/admin/brand")).text();
    expect(page).toContain("Postal address for letters");
    expect(page).toContain("Weald House\n2 Castle Street\nChatham</textarea>");
    expect(page).toContain('value="ME4 4TR"');
  });

  it("refuses a postcode that is not real, an address without a postcode and too many lines, saving nothing", async () => {
    const badPostcode = await save(admin, { postalAddress: "1 High Street", postalPostcode: "NOWHERE" });
    expect(badPostcode.status).toBe(422);
    expect(await badPostcode.text()).toContain("Enter a real postcode, like ME4 4TR");
    const noPostcode = await save(admin, { postalAddress: "1 High Street", postalPostcode: "" });
    expect(noPostcode.status).toBe(422);
    expect(await noPostcode.text()).toContain("Enter the postcode of the postal address");
    const noLines = await save(admin, { postalAddress: "", postalPostcode: "ME4 4TR" });
    expect(await noLines.text()).toContain("Enter the lines of the postal address");
    const long = await save(admin, { postalAddress: "a\nb\nc\nd\ne\nf", postalPostcode: "ME4 4TR" });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Enter at most 5 lines, without the postcode");
    expect((await brandOf(database.db, organisation.id))?.postalAddress?.[0]).toBe("Weald House");
  });

  it("can be changed only by an organisation administrator", async () => {
    const response = await save(officer, { postalAddress: "1 Evil Street", postalPostcode: "ME4 4TR" });
    expect(response.status).toBe(403);
    expect((await brandOf(database.db, organisation.id))?.postalAddress?.[0]).toBe("Weald House");
  });

  it("is cleared by emptying both fields", async () => {
    expect((await save(admin, { postalAddress: "", postalPostcode: "" })).status).toBe(303);
    expect((await brandOf(database.db, organisation.id))?.postalAddress).toBeNull();
  });
});
