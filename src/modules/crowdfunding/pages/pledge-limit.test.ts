import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Organisation } from "../../../platform/access/organisations.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { TestBrowser } from "../test-support/http-client.ts";
import { launchCampaign, pledgeThroughPages } from "../test-support/pledge-journey.ts";

// Issue 12 item 5: the public pledge form is an abuse target (fake pledges, mail floods).
describe("pledge form limit", () => {
  let database: Database;
  let organisation: Organisation;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    database = await openTestDatabase();
    organisation = await makeOrganisation(database.db);
    app = await buildTestApp(database, undefined, { limits: { pledge: { max: 2, windowMs: 60 * 60_000 } } });
  });
  afterAll(async () => database.close());

  it("takes the limit's pledges from one address, then refuses with a plain 429 and saves nothing", async () => {
    const campaign = await launchCampaign(database, organisation, "Repair café kettles", 50_000);
    const base = `/campaigns/${organisation.slug}/${campaign.reference}`;
    await pledgeThroughPages(new TestBrowser(app), base, "10.00", "Ada One", "ada@example.org");
    await pledgeThroughPages(new TestBrowser(app), base, "10.00", "Ben Two", "ben@example.org");
    const browser = new TestBrowser(app);
    await browser.get(`${base}/pledge`);
    await browser.post(`${base}/pledge`, { amount: "10.00", reward: "none" });
    await browser.post(`${base}/pledge/about-you`, { name: "Cy Three", email: "cy@example.org" });
    await browser.post(`${base}/pledge/display`, { show: "named", message: "" });
    await browser.get(`${base}/pledge/check`);
    const refused = await browser.post(`${base}/pledge/check`, {});
    expect(refused.status).toBe(429);
    expect(refused.body).toContain("too many pledge forms sent from your network");
    const rows = await database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM crowdfunding_pledge WHERE organisation_id = $1",
      [organisation.id],
    );
    expect(rows[0].count).toBe(2);
  });
});
