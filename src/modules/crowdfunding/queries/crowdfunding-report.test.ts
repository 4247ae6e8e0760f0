import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createFund } from "../commands/create-fund.ts";
import { makeMatchPledge } from "../commands/make-match-pledge.ts";
import { makePledge } from "../commands/make-pledge.ts";
import { settleCampaign } from "../commands/settle-campaign.ts";
import { liveCampaign } from "../test-support/live-campaign.ts";
import { crowdfundingReport } from "./crowdfunding-report.ts";

let database: Database;
let orgId: string;
const afterDeadline = new Date("2026-07-02T08:00:00Z");

async function settledCampaign(targetPence: number, ownMatch: number, otherMatch: number, backers: number[]) {
  const system = systemActor(orgId);
  const draft = await liveCampaign(database.db, system, testNow, {
    title: "Campaign",
    targetPence,
    deadline: "2026-07-01",
  });
  const fund = (isOwnMoney: boolean) =>
    createFund(database.db, system, testNow, {
      name: `${isOwnMoney ? "Own" : "Other"} ${draft.reference}`,
      funderName: isOwnMoney ? "Us" : "Foundation",
      isOwnMoney,
      budgetPence: 1_000_000,
      maxShareBp: 5000,
      maxAmountPence: 500_000,
      combinedCapBp: 6500,
      minBackers: 0,
      criteria: [{ key: "fit", label: "Fit", max: 5 }],
      passMark: 0,
    });
  if (ownMatch)
    await makeMatchPledge(database.db, system, testNow, draft.id, {
      fundId: (await fund(true)).id,
      amountPence: ownMatch,
      scores: { fit: 3 },
    });
  if (otherMatch)
    await makeMatchPledge(database.db, system, testNow, draft.id, {
      fundId: (await fund(false)).id,
      amountPence: otherMatch,
      scores: { fit: 3 },
    });
  for (const [i, amount] of backers.entries()) {
    await makePledge(database.db, null, testNow, orgId, draft.id, {
      amountPence: amount,
      backerName: "B",
      backerEmail: `b${i}@example.org`,
    });
  }
  return settleCampaign(database.db, system, afterDeadline, draft.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = (await makeOrganisation(database.db)).id;
});
afterAll(async () => database.close());

describe("crowdfunding report", () => {
  it("works out funds levered per £1 of own money from collected money only", async () => {
    // Successful: £40 own + £10 foundation + £60 backers = £110 collected.
    expect((await settledCampaign(10_000, 4_000, 1_000, [3_000, 3_000])).status).toBe("successful");
    // Unsuccessful: nothing moves, so it must not count.
    expect((await settledCampaign(20_000, 5_000, 0, [1_000])).status).toBe("unsuccessful");
    const report = await crowdfundingReport(database.db, actorFor(orgId, "read-only"));
    expect(report).toMatchObject({
      collectedPence: 11_000,
      ownMatchPence: 4_000,
      otherMatchPence: 1_000,
      backerCollectedPence: 6_000,
      settled: 2,
      successful: 1,
      pledges: 3,
      uniqueBackers: 3,
    });
    expect(report.leveredPerPound).toBe(1.75); // (£110 − £40) ÷ £40
  });

  it("is for staff only", async () => {
    await expect(crowdfundingReport(database.db, actorFor(orgId, "community-group"))).rejects.toThrow(
      /staff/,
    );
  });
});
