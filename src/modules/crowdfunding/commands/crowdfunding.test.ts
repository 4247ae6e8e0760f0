import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { findCampaign } from "../queries/lock-campaign.ts";
import { crowdfundingMatchPledge, crowdfundingPledge } from "../schema.ts";
import { approveCampaign } from "../test-support/live-campaign.ts";
import { councilMatchFundInput } from "../test-support/pledge-journey.ts";
import type { CampaignInput } from "./campaign-input.ts";
import { createCampaign } from "./create-campaign.ts";
import type { FundInput } from "./create-fund.ts";
import { createFund } from "./create-fund.ts";
import { makeMatchPledge } from "./make-match-pledge.ts";
import { makePledge } from "./make-pledge.ts";
import { reviewCampaign } from "./review-campaign.ts";
import { settleCampaign } from "./settle-campaign.ts";
import { submitCampaign } from "./submit-campaign.ts";

let database: Database;
let orgId: string;
let otherOrgId: string;
const groupId = newId();
const officer = () => actorFor(orgId, "officer");
const manager = () => actorFor(orgId, "manager");
const group = () => actorFor(orgId, "community-group", { partnerOrganisationId: groupId });
const later = (days: number) => new Date(testNow.getTime() + days * 86_400_000);

function campaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    groupName: "Friends of Westfield Park",
    title: "Westfield community garden",
    summary: "Raised beds and a tool shed for the estate",
    story: "We want to turn the empty corner by the flats into a garden.",
    communityBenefit: "Open to every resident, with sessions for the school.",
    targetPence: 800_000,
    deadline: "2026-07-15",
    location: "Westfield estate, Chatham",
    laCode: "E06000035",
    budgetLines: [
      { description: "Raised beds", amountPence: 500_000 },
      { description: "Tool shed", amountPence: 300_000 },
    ],
    rewardTiers: [
      { title: "Name on the shed", description: "Your name painted on the shed", minPence: 2_500 },
    ],
    ...overrides,
  };
}

async function liveCampaign(overrides: Partial<CampaignInput> = {}) {
  const draft = await createCampaign(database.db, group(), testNow, campaignInput(overrides));
  await submitCampaign(database.db, group(), testNow, draft.id);
  return approveCampaign(database.db, officer(), testNow, draft.id);
}

async function fund(overrides: Partial<FundInput> = {}) {
  return createFund(database.db, manager(), testNow, {
    ...councilMatchFundInput({
      name: `Community match ${newId().slice(-4)}`,
      minBackers: 3,
      criteria: [
        { key: "benefit", label: "Community benefit", max: 5 },
        { key: "backing", label: "Public backing", max: 5 },
      ],
      passMark: 6,
    }),
    ...overrides,
  });
}

const backer = (n: number, amountPence: number) => ({
  amountPence,
  backerName: `Backer ${n}`,
  backerEmail: `backer${n}@example.org`,
});

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = (await makeOrganisation(database.db)).id;
  otherOrgId = (await makeOrganisation(database.db, "Other Homes")).id;
});
afterAll(async () => database.close());

describe("campaign lifecycle", () => {
  it("refuses a budget that does not add up to the target, saving nothing", async () => {
    const problem = await problemOf(
      createCampaign(database.db, group(), testNow, campaignInput({ targetPence: 900_000 })),
    );
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.budgetLines).toMatch(/add up to £8,000.00.*target is £9,000.00/);
  });

  it("refuses a deadline less than 7 days or more than 12 weeks away", async () => {
    expect(
      (
        await problemOf(
          createCampaign(database.db, group(), testNow, campaignInput({ deadline: "2026-06-20" })),
        )
      ).fieldErrors?.deadline,
    ).toMatch(/at least 7 days/);
    expect(
      (
        await problemOf(
          createCampaign(database.db, group(), testNow, campaignInput({ deadline: "2026-10-01" })),
        )
      ).fieldErrors?.deadline,
    ).toMatch(/12 weeks/);
  });

  it("will not launch without every verification check", async () => {
    const draft = await createCampaign(database.db, group(), testNow, campaignInput());
    await submitCampaign(database.db, group(), testNow, draft.id);
    const problem = await problemOf(
      reviewCampaign(database.db, officer(), testNow, draft.id, {
        decision: "approve",
        checks: ["group-identity"],
      }),
    );
    expect(problem.fieldErrors?.checks).toMatch(/6 not confirmed/);
    expect((await findCampaign(database.db, orgId, draft.id))?.status).toBe("in-review");
  });

  it("launches on approval with the close at midnight London time on the deadline", async () => {
    const campaign = await liveCampaign();
    expect(campaign.status).toBe("live");
    expect(campaign.closesAt?.toISOString()).toBe("2026-07-15T23:00:00.000Z");
  });

  it("hides another organisation's campaign as not found", async () => {
    const campaign = await liveCampaign();
    const outsider = actorFor(otherOrgId, "officer");
    expect((await problemOf(settleCampaign(database.db, outsider, later(60), campaign.id))).status).toBe(404);
    expect(
      (await problemOf(makePledge(database.db, null, testNow, otherOrgId, campaign.id, backer(1, 1000))))
        .status,
    ).toBe(404);
  });
});

describe("backers' pledges", () => {
  it("refuses £0, negative and after-deadline pledges with clear messages", async () => {
    const campaign = await liveCampaign();
    expect(
      (await problemOf(makePledge(database.db, null, testNow, orgId, campaign.id, backer(1, 0)))).fieldErrors
        ?.amountPence,
    ).toBe("Pledge must be more than £0");
    expect(
      (await problemOf(makePledge(database.db, null, testNow, orgId, campaign.id, backer(1, -500))))
        .fieldErrors?.amountPence,
    ).toBe("Pledge must be more than £0");
    const late = await problemOf(
      makePledge(
        database.db,
        null,
        new Date("2026-07-15T23:00:00.000Z"),
        orgId,
        campaign.id,
        backer(1, 1000),
      ),
    );
    expect(late.status).toBe(409);
    expect(late.title).toBe("This campaign has closed");
    expect((await findCampaign(database.db, orgId, campaign.id))?.backerPence).toBe(0);
  });

  it("refuses a reward the pledge is too small for", async () => {
    const campaign = await liveCampaign();
    const [tier] = await database.query<{ id: string }>(
      "SELECT id FROM crowdfunding_reward_tier WHERE campaign_id = $1",
      [campaign.id],
    );
    const problem = await problemOf(
      makePledge(database.db, null, testNow, orgId, campaign.id, {
        ...backer(1, 1000),
        rewardTierId: tier.id,
      }),
    );
    expect(problem.fieldErrors?.amountPence).toMatch(/at least £25.00/);
  });

  it("counts unique backers by email, not pledges", async () => {
    const campaign = await liveCampaign();
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(1, 1000));
    await makePledge(database.db, null, testNow, orgId, campaign.id, {
      ...backer(1, 500),
      backerEmail: "BACKER1@example.org",
    });
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(2, 250));
    const after = await findCampaign(database.db, orgId, campaign.id);
    expect(after?.backerCount).toBe(2);
    expect(after?.backerPence).toBe(1750);
  });
});

describe("match pledges", () => {
  it("refuses a match pledge over the combined cap and saves nothing", async () => {
    const campaign = await liveCampaign();
    const first = await fund({ maxShareBp: 5000 });
    const second = await fund({ maxShareBp: 5000 });
    await makeMatchPledge(database.db, officer(), testNow, campaign.id, {
      fundId: first.id,
      amountPence: 400_000,
      scores: { benefit: 4, backing: 4 },
    });
    const problem = await problemOf(
      makeMatchPledge(database.db, officer(), testNow, campaign.id, {
        fundId: second.id,
        amountPence: 120_001,
        scores: { benefit: 4, backing: 4 },
      }),
    );
    expect(problem.fieldErrors?.amountPence).toMatch(/65% of the target \(£5,200.00\).*at most £1,200.00/);
    const saved = await database.db
      .select()
      .from(crowdfundingMatchPledge)
      .where(eq(crowdfundingMatchPledge.campaignId, campaign.id));
    expect(saved).toHaveLength(1);
    await makeMatchPledge(database.db, officer(), testNow, campaign.id, {
      fundId: second.id,
      amountPence: 120_000,
      scores: { benefit: 4, backing: 4 },
    });
  });

  it("holds a match pledge back until the minimum number of unique backers, then counts it", async () => {
    const campaign = await liveCampaign();
    const matchFund = await fund({ minBackers: 3 });
    const match = await makeMatchPledge(database.db, officer(), testNow, campaign.id, {
      fundId: matchFund.id,
      amountPence: 300_000,
      scores: { benefit: 3, backing: 3 },
    });
    expect(match.status).toBe("conditional");
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(1, 1000));
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(2, 1000));
    expect((await findCampaign(database.db, orgId, campaign.id))?.matchPence).toBe(0);
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(3, 1000));
    const after = await findCampaign(database.db, orgId, campaign.id);
    expect(after?.matchPence).toBe(300_000);
    expect(after?.backerCount).toBe(3);
  });

  it("refuses a campaign below the fund's pass mark", async () => {
    const campaign = await liveCampaign();
    const matchFund = await fund();
    const problem = await problemOf(
      makeMatchPledge(database.db, officer(), testNow, campaign.id, {
        fundId: matchFund.id,
        amountPence: 1000,
        scores: { benefit: 1, backing: 1 },
      }),
    );
    expect(problem.fieldErrors?.scores).toMatch(/scored 2, below the fund's pass mark of 6/);
  });

  it("lets only officers pledge from a match fund", async () => {
    const campaign = await liveCampaign();
    const matchFund = await fund();
    const problem = await problemOf(
      makeMatchPledge(database.db, group(), testNow, campaign.id, {
        fundId: matchFund.id,
        amountPence: 1000,
        scores: {},
      }),
    );
    expect(problem.status).toBe(403);
  });
});

describe("all-or-nothing settlement", () => {
  it("collects every pledge when backers and released match money reach the target", async () => {
    const campaign = await liveCampaign({
      targetPence: 10_000,
      budgetLines: [{ description: "Seeds", amountPence: 10_000 }],
      rewardTiers: [],
    });
    const matchFund = await fund({ minBackers: 2 });
    await makeMatchPledge(database.db, officer(), testNow, campaign.id, {
      fundId: matchFund.id,
      amountPence: 5_000,
      scores: { benefit: 3, backing: 3 },
    });
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(1, 2_500));
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(2, 2_500));
    expect((await problemOf(settleCampaign(database.db, officer(), testNow, campaign.id))).title).toBe(
      "Campaign is still open",
    );
    const result = await settleCampaign(database.db, systemActor(orgId), later(40), campaign.id);
    expect(result).toMatchObject({
      status: "successful",
      totalPence: 10_000,
      collectedPence: 10_000,
      pledgesCollected: 2,
      matchCollected: 1,
    });
    const statuses = await database.db
      .select({ status: crowdfundingPledge.status })
      .from(crowdfundingPledge)
      .where(eq(crowdfundingPledge.campaignId, campaign.id));
    expect(statuses.map((s) => s.status)).toEqual(["collected", "collected"]);
    const again = await settleCampaign(database.db, systemActor(orgId), later(41), campaign.id);
    expect(again).toMatchObject({ alreadySettled: true, collectedPence: 10_000 });
  });

  it("releases every pledge and lapses match money when a penny short", async () => {
    const campaign = await liveCampaign({
      targetPence: 10_000,
      budgetLines: [{ description: "Seeds", amountPence: 10_000 }],
      rewardTiers: [],
    });
    const matchFund = await fund({ minBackers: 5 });
    await makeMatchPledge(database.db, officer(), testNow, campaign.id, {
      fundId: matchFund.id,
      amountPence: 5_000,
      scores: { benefit: 3, backing: 3 },
    });
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(1, 4_999));
    await makePledge(database.db, null, testNow, orgId, campaign.id, backer(2, 5_000));
    // 9,999 from backers; the £50 match needs 5 backers and never releases.
    const result = await settleCampaign(database.db, systemActor(orgId), later(40), campaign.id);
    expect(result).toMatchObject({
      status: "unsuccessful",
      collectedPence: 0,
      pledgesReleased: 2,
      matchLapsed: 1,
    });
    const statuses = await database.db
      .select({ status: crowdfundingPledge.status })
      .from(crowdfundingPledge)
      .where(eq(crowdfundingPledge.campaignId, campaign.id));
    expect(statuses.every((s) => s.status === "released")).toBe(true);
  });

  it("keeps the totals exact under concurrent backers", async () => {
    const campaign = await liveCampaign();
    const amounts = Array.from({ length: 20 }, (_, i) => 101 + i * 37);
    await Promise.all(
      amounts.map((amount, i) =>
        makePledge(database.db, null, testNow, orgId, campaign.id, backer(100 + i, amount)),
      ),
    );
    const after = await findCampaign(database.db, orgId, campaign.id);
    expect(after?.backerPence).toBe(amounts.reduce((a, b) => a + b, 0));
    expect(after?.backerCount).toBe(20);
  });
});
