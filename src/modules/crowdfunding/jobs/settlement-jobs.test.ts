import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { outboundMessage } from "../../../platform/db/platform-schema.ts";
import { runDueJobs, scheduleDailyJobs } from "../../../platform/jobs/jobs.ts";
import { makePledge } from "../commands/make-pledge.ts";
import { findCampaign } from "../queries/lock-campaign.ts";
import { approvedCampaign } from "../test-support/approved-campaign.ts";
import { crowdfundingJobs } from "./settlement-jobs.ts";

let database: Database;
let orgId: string;

async function liveCampaign(deadline: string, targetPence: number) {
  const system = systemActor(orgId);
  return approvedCampaign(database.db, system, testNow, {
    groupName: "G",
    title: "Planters",
    summary: "s",
    story: "s",
    communityBenefit: "s",
    targetPence,
    deadline,
    location: "x",
    budgetLines: [{ description: "Planters", amountPence: targetPence }],
  });
}

async function emailsTo(recipient: string) {
  return (await database.db.select().from(outboundMessage)).filter((m) => m.recipient === recipient);
}

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = (await makeOrganisation(database.db)).id;
});
afterAll(async () => database.close());

describe("deadline closure jobs", () => {
  it("settles a campaign through the job queued at launch, not before it closes", async () => {
    const campaign = await liveCampaign("2026-06-30", 10_000);
    await makePledge(database.db, null, testNow, orgId, campaign.id, {
      amountPence: 10_000,
      backerName: "A",
      backerEmail: "a@example.org",
    });
    await runDueJobs(database, crowdfundingJobs, new Date("2026-06-30T22:59:00Z"));
    expect((await findCampaign(database.db, orgId, campaign.id))?.status).toBe("live");
    await runDueJobs(database, crowdfundingJobs, new Date("2026-06-30T23:00:00Z"));
    expect(await findCampaign(database.db, orgId, campaign.id)).toMatchObject({
      status: "successful",
      collectedPence: 10_000,
    });
    // The backer is told the result through the outbox, once, however often the jobs run.
    await scheduleDailyJobs(database, crowdfundingJobs, new Date("2026-07-01T06:00:00Z"));
    await runDueJobs(database, crowdfundingJobs, new Date("2026-07-01T06:00:00Z"));
    const emails = await emailsTo("a@example.org");
    expect(emails.map((m) => m.subject)).toEqual(["Planters reached its target"]);
    expect(emails[0]?.body).toContain("your pledge of £100.00 has now been collected");
  });

  it("catches a missed closing in the daily sweep", async () => {
    const campaign = await liveCampaign("2026-07-05", 10_000);
    // As if the per-campaign job had been lost: only the daily sweep is left.
    await database.query("DELETE FROM job WHERE dedupe_key = $1", [
      `crowdfunding.settle-campaign:${campaign.id}`,
    ]);
    await makePledge(database.db, null, testNow, orgId, campaign.id, {
      amountPence: 1_000,
      backerName: "B",
      backerEmail: "b@example.org",
    });
    await makePledge(database.db, null, testNow, orgId, campaign.id, {
      amountPence: 2_000,
      backerName: "B",
      backerEmail: "b@example.org",
    });
    const later = new Date("2026-07-06T06:00:00Z");
    await scheduleDailyJobs(database, crowdfundingJobs, later);
    await runDueJobs(database, crowdfundingJobs, later);
    expect((await findCampaign(database.db, orgId, campaign.id))?.status).toBe("unsuccessful");
    const emails = await emailsTo("b@example.org");
    expect(emails.map((m) => m.subject)).toEqual(["Planters did not reach its target"]);
    expect(emails[0]?.body).toContain("your pledge of £30.00 has been released");
  });
});
