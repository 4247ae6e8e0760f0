import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";

// The board's home page: headline figures from other modules' exported queries, each with its link.

let database: Database;
let board: TestBrowser;
let tenant: TestBrowser;
let manager: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  await addUser(database, organisationId, "read-only", "board@example.org");
  await addUser(database, organisationId, "tenant", "tenant@example.org");
  await addUser(database, organisationId, "manager", "manager@example.org");
  const app = await buildTestApp(database);
  board = new TestBrowser(app);
  tenant = new TestBrowser(app);
  manager = new TestBrowser(app);
  await board.signIn("board@example.org");
  await tenant.signIn("tenant@example.org");
  await manager.signIn("manager@example.org");
});
afterAll(async () => database.close());

describe("the board's home page", () => {
  it("shows the headline figures for the last twelve months, each linking to its source", async () => {
    const page = await (await board.get("/")).text();
    expect(page).toContain("Headline figures");
    expect(page).toContain("The last twelve months, 16 June 2025 to 15 June 2026.");
    for (const [href, label] of [
      ["/safety/nm01", "ASB cases per 1,000 homes (NM01)"],
      // The figures the dashboard shows link to how each was worked out, for the same period.
      [
        "/impact/figures/social-value-per-pound?from=2025-06-16&amp;to=2026-06-15",
        "Social value for each £1 invested",
      ],
      [
        "/impact/figures/priority-share?from=2025-06-16&amp;to=2026-06-15",
        "Community development in priority neighbourhoods",
      ],
      ["/volunteering", "Volunteer hours"],
      ["/grants/manage", "Grants paid"],
    ])
      expect(page).toContain(`<a class="govuk-link" href="${href}">${label}</a>`);
    expect(page).toMatch(/Grants paid<\/a><\/h3><p class="govuk-heading-l govuk-!-margin-bottom-1">£0</);
    expect(page).toMatch(/Volunteer hours<\/a><\/h3><p class="govuk-heading-l govuk-!-margin-bottom-1">0</);
  });

  it("shows open cases by risk, with the NM01 report one click away", async () => {
    const page = await (await board.get("/")).text();
    expect(page).toContain("Open cases by risk");
    expect(page).toMatch(/High risk<\/h3><p class="govuk-heading-l">0</);
    expect(page).toContain('<a class="govuk-link" href="/safety/nm01">See the NM01 report</a>');
  });

  it("shows no figures to a tenant", async () => {
    const page = await (await tenant.get("/")).text();
    expect(page).not.toContain("Headline figures");
  });

  it("keeps a manager's sign-in page light: the figures are the board's", async () => {
    const page = await (await manager.get("/")).text();
    expect(page).toContain("Welcome");
    expect(page).not.toContain("Headline figures");
  });
});
