import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { voteOnline } from "../src/modules/budgeting/commands/vote-codes.ts";
import { feasibleProposals, findProcess } from "../src/modules/budgeting/queries/processes.ts";
import { modules } from "../src/modules/registry.ts";
import type { Database } from "../src/platform/db/database.ts";
import { demoSeededFor, seedDemo } from "../src/seed/seed-demo.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor } from "./fixtures.ts";

// The demo is seeded for the day it runs. This seeds it for a day far from the one the browser
// journeys pin (the spring clock change of 2027) and checks that what the demo calls open takes
// part in daily work on that day: a ballot, a consultation, a tender, a campaign, a grant round.
const seededOn = new Date("2027-03-28T14:00:00Z");

describe("the demo lives on the day it is made", { timeout: 600_000 }, () => {
  let database: Database;
  let orgId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = await seedDemo(database, modules, { now: seededOn });
  }, 600_000);
  afterAll(async () => database.close());

  it("records the London day it was made for", async () => {
    expect(await demoSeededFor(database.db)).toBe("2027-03-28");
  });

  it("has a vote that is open today and takes a resident's ballot", async () => {
    const [open] = await database.query<{ id: string; title: string }>(
      "SELECT id, title FROM pb_process WHERE organisation_id = $1 AND phase = 'voting'",
      [orgId],
    );
    expect(open?.title).toBe("Estate improvements vote 2027");
    const process = await findProcess(database.db, orgId, open.id);
    const budget = process.budgets[0];
    const [cheapest] = (await feasibleProposals(database.db, orgId, open.id, budget.id)).sort(
      (a, b) => (a.finalCostPence ?? 0) - (b.finalCostPence ?? 0),
    );
    const [tenant] = await database.query<{ id: string; person_id: string }>(
      "SELECT id, person_id FROM app_user WHERE organisation_id = $1 AND role = 'tenant'",
      [orgId],
    );
    const voter = actorFor(orgId, "tenant", { userId: tenant.id, personId: tenant.person_id });
    const ballot = await voteOnline(
      database.db,
      voter,
      seededOn,
      open.id,
      budget.id,
      new Map([[cheapest.id, 1]]),
    );
    expect(ballot).toBeTruthy();
  });

  it("has a consultation, a tender, a campaign and a grant round open on that day", async () => {
    const count = async (sql: string) =>
      (await database.query<{ n: number }>(sql, [orgId, "2027-03-28"]))[0].n;
    expect(
      await count(
        "SELECT count(*)::int AS n FROM consultation WHERE organisation_id = $1 AND status = 'open' AND opens_on <= $2 AND closes_on >= $2",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM exchange_contract WHERE organisation_id = $1 AND status = 'tendering' AND tender_closes >= $2",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM crowdfunding_campaign WHERE organisation_id = $1 AND status = 'live' AND deadline >= $2",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM grant_programme WHERE organisation_id = $1 AND opens_on <= $2 AND closes_on >= $2",
      ),
    ).toBeGreaterThan(0);
  });
});
