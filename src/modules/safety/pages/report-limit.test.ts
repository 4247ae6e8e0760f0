import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";

// Issue 12 item 5: the tenant portal's report form is limited per client address.
describe("report form limit", () => {
  let database: Database;
  let tenant: TestBrowser;
  beforeAll(async () => {
    database = await openTestDatabase();
    const organisationId = (await makeOrganisation(database.db)).id;
    await addUser(database, organisationId, "tenant", "reporter@example.org");
    tenant = new TestBrowser(
      await buildTestApp(database, undefined, {
        limits: { "public-report": { max: 1, windowMs: 60 * 60_000 } },
      }),
    );
    await tenant.signIn("reporter@example.org");
  });
  afterAll(async () => database.close());

  it("sends the limit's reports, then refuses the next with a plain 429 and keeps nothing from it", async () => {
    const send = async (description: string) =>
      tenant.post(
        "/report",
        {
          step: "check",
          send: "yes",
          category: "harassment",
          happenedOn: "2026-06-10",
          where: "elsewhere",
          locationDescription: "By the shops",
          description,
        },
        { csrf: await tenant.csrfToken("/report") },
      );
    expect((await send("Shouting at me by the shops")).status).toBe(303);
    const refused = await send("Shouting again by the shops");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("too many reports sent from your network");
    const kept = await database.query<{ description: string }>(
      "SELECT description FROM safety_report WHERE description LIKE 'Shouting%'",
    );
    expect(kept.map((row) => row.description)).toEqual(["Shouting at me by the shops"]);
  });
});
