import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Organisation } from "../../platform/access/organisations.ts";
import { verifyAuditChain } from "../../platform/audit/audit-log.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { createFund } from "./commands/create-fund.ts";
import { makeMatchPledge } from "./commands/make-match-pledge.ts";
import { makePledge } from "./commands/make-pledge.ts";
import { findCampaign } from "./queries/lock-campaign.ts";
import { crowdfundingMatchPledge, crowdfundingPledge } from "./schema.ts";
import { type DemoPledge, seedPledges } from "./seed-pledges.ts";
import { councilMatchFundInput, launchCampaign } from "./test-support/pledge-journey.ts";

// The demo seed writes backers' pledges in bulk; this builds one campaign's pledges with the
// command and an identical campaign's with the seed, and compares every column a reader sees.

let database: Database;
let organisation: Organisation;
let orgId: string;
const officer = () => actorFor(orgId, "officer");
const manager = () => actorFor(orgId, "manager");
const at = (hours: number) => new Date(testNow.getTime() + hours * 3_600_000);

const pledges: DemoPledge[] = [1, 2, 3, 4].map((n) => ({
  at: at(n),
  input: {
    amountPence: 10_000 * n,
    backerName: `  Backer ${n} `,
    backerEmail: n === 4 ? "BACKER1@example.org" : `backer${n}@example.org`,
    anonymous: n === 2,
    message: n === 3 ? "Good luck" : undefined,
  },
}));

async function liveMatchedCampaign(title: string, fundId: string) {
  const campaign = await launchCampaign(database, organisation, title, 800_000);
  await makeMatchPledge(database.db, officer(), testNow, campaign.id, {
    fundId,
    amountPence: 100_000,
    scores: { benefit: 5 },
  });
  return campaign.id;
}

/** A match fund that releases its pledges at the second backer. */
const matchFund = (name: string) =>
  createFund(
    database.db,
    manager(),
    testNow,
    councilMatchFundInput({
      name,
      minBackers: 2,
      criteria: [{ key: "benefit", label: "Community benefit", max: 5 }],
      passMark: 3,
    }),
  );

async function written(campaignId: string, auditsAfter: number) {
  const rows = await database.db
    .select()
    .from(crowdfundingPledge)
    .where(eq(crowdfundingPledge.campaignId, campaignId))
    .orderBy(asc(crowdfundingPledge.createdAt));
  const audits = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, orgId), gt(auditLog.seq, auditsAfter)))
    .orderBy(asc(auditLog.seq));
  const [match] = await database.db
    .select()
    .from(crowdfundingMatchPledge)
    .where(eq(crowdfundingMatchPledge.campaignId, campaignId));
  const campaign = await findCampaign(database.db, orgId, campaignId);
  // Ids, references and hashes are new for every pledge; everything else must agree.
  return {
    pledges: rows.map(({ id: _id, campaignId: _c, reference, providerReference, ...rest }) => ({
      ...rest,
      reference: /^KP-[0-9A-F]{10}$/.test(reference),
      providerReference: providerReference.startsWith("test_auth_"),
    })),
    audits: audits.map((a) => ({
      at: a.at,
      actorLabel: a.actorLabel,
      action: a.action,
      entityType: a.entityType,
      summary: a.summary.replace(/KP-\w+/, "KP-…").replace(/CF-\w+/, "CF-…"),
      after: { ...(a.after as object), reference: "…", campaignId: "…" },
    })),
    match: { status: match.status, releasedAt: match.releasedAt },
    totals: [campaign?.backerPence, campaign?.backerCount, campaign?.matchPence],
  };
}

const lastSeq = async () =>
  (
    await database.query<{ seq: number }>(
      "SELECT max(seq)::int AS seq FROM audit_log WHERE organisation_id = $1",
      [orgId],
    )
  )[0].seq;

beforeAll(async () => {
  database = await openTestDatabase();
  organisation = await makeOrganisation(database.db);
  orgId = organisation.id;
}, 600_000);
afterAll(async () => database.close());

describe("the demo seed's bulk pledges", () => {
  it("write what makePledge writes one at a time, totals, match release and audit chain included", async () => {
    const fund = await matchFund("Community match");
    const byCommand = await liveMatchedCampaign("Garden by command", fund.id);
    const commandSeq = await lastSeq();
    for (const pledge of pledges)
      await makePledge(database.db, null, pledge.at, orgId, byCommand, pledge.input);
    const expected = await written(byCommand, commandSeq);

    const bySeed = await liveMatchedCampaign("Garden by seed", fund.id);
    const seedSeq = await lastSeq();
    await seedPledges(database.db, orgId, bySeed, pledges);
    const actual = await written(bySeed, seedSeq);

    expect(expected.pledges).toHaveLength(4);
    expect(expected.match).toEqual({ status: "released", releasedAt: at(2) });
    expect(expected.totals).toEqual([100_000, 3, 100_000]);
    expect(actual).toEqual(expected);
    expect((await verifyAuditChain(database)).broken).toEqual([]);
  });

  it("refuses pledges after the campaign closes, writing none", async () => {
    const fund = await matchFund("Second match");
    const campaignId = await liveMatchedCampaign("Garden too late", fund.id);
    const late = [{ ...pledges[0], at: new Date("2026-08-01T12:00:00Z") }];
    await expect(seedPledges(database.db, orgId, campaignId, late)).rejects.toMatchObject({ status: 409 });
    const rows = await database.db
      .select()
      .from(crowdfundingPledge)
      .where(eq(crowdfundingPledge.campaignId, campaignId));
    expect(rows).toEqual([]);
  });
});
