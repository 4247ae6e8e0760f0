import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation } from "./fixtures.ts";

// The start page is how a resident finds their landlord's public services: every module's
// links appear there, per organisation, and every one of them leads somewhere that works.

let database: Database;
let resident: TestBrowser;
let tenant: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const weald = await makeOrganisation(database.db, "Weald Homes");
  await makeOrganisation(database.db, "Medway Council");
  await addUser(database, weald.id, "tenant", "tenant@example.org");
  const app = await buildTestApp(database);
  resident = new TestBrowser(app);
  tenant = new TestBrowser(app);
  await tenant.signIn("tenant@example.org");
});

afterAll(async () => {
  await database.close();
});

const linksIn = (page: string) =>
  [...page.matchAll(/<li><a class="govuk-link govuk-!-font-weight-bold" href="([^"]+)">([^<]+)<\/a>/g)].map(
    ([, href, text]) => ({ href, text }),
  );

describe("public start page", () => {
  it("lists each organisation's services for residents, and every link opens", async () => {
    const page = await (await resident.get("/")).text();
    expect(page).toContain("Weald Homes: services for residents and community groups");
    expect(page).toContain("Medway Council: services for residents and community groups");
    const links = linksIn(page);
    for (const service of ["Apply for a grant", "Back a community project", "Volunteer", "Have your say"]) {
      expect(links.filter((link) => link.text === service)).toHaveLength(2);
    }
    for (const link of links) {
      const response = await resident.get(link.href);
      // Public pages open; the tenant-only pages send a signed-out visitor to sign in.
      expect([200, 302, 303], `${link.text} at ${link.href}`).toContain(response.status);
    }
  });

  it("shows a signed-in resident only their own organisation's services", async () => {
    const page = await (await tenant.get("/")).text();
    expect(page).toContain("Services for residents and community groups");
    expect(page).not.toContain("Medway Council");
    expect(linksIn(page).map((link) => link.href)).toContain("/report");
  });
});
