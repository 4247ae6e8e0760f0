import { createFund } from "../src/modules/crowdfunding/commands/create-fund.ts";
import { makeMatchPledge } from "../src/modules/crowdfunding/commands/make-match-pledge.ts";
import { makePledge } from "../src/modules/crowdfunding/commands/make-pledge.ts";
import { settleCampaign } from "../src/modules/crowdfunding/commands/settle-campaign.ts";
import { approvedCampaign } from "../src/modules/crowdfunding/test-support/approved-campaign.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import type { Database } from "../src/platform/db/database.ts";

// Part of bench/funding.ts: pledges per second on one live crowdfunding campaign under
// BACKERS concurrent backers. Every pledge goes through the real makePledge command
// (validation, campaign row lock, match-pledge release, audit entry) over a pool of BACKERS
// connections; the totals are then checked exact and the campaign settled. Returns false if
// any total is not exact.
export async function benchPledges(
  database: Database,
  pledgeCount: number,
  backers: number,
): Promise<boolean> {
  let failed = false;

  const now = new Date();
  const org = await createOrganisation(database.db, null, now, {
    name: "Bench Crowdfunding Homes",
    kind: "housing-association",
  });
  const system = systemActor(org.id, "bench");
  const deadline = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  // A target just above what the backers will pledge, so a match pledge decides success.
  const amountOf = (i: number) => 100 + ((i * 7919) % 9_900); // £1.00 to £99.99, varied pence
  let expectedPence = 0;
  for (let i = 0; i < pledgeCount; i++) expectedPence += amountOf(i);
  const targetPence = expectedPence + 1_000;
  const campaign = await approvedCampaign(database.db, system, now, {
    groupName: "Bench group",
    title: "Bench campaign",
    summary: "s",
    story: "s",
    communityBenefit: "s",
    targetPence,
    deadline,
    location: "Bench",
    budgetLines: [{ description: "Everything", amountPence: targetPence }],
  });
  const fund = await createFund(database.db, system, now, {
    name: "Match",
    funderName: "Bench Council",
    budgetPence: 100_000_000,
    maxShareBp: 5000,
    maxAmountPence: 500_000,
    combinedCapBp: 6500,
    minBackers: backers,
    criteria: [{ key: "fit", label: "Fit", max: 5 }],
    passMark: 1,
  });
  await makeMatchPledge(database.db, system, now, campaign.id, {
    fundId: fund.id,
    amountPence: 1_000,
    scores: { fit: 3 },
  });

  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: backers }, async (_, backer) => {
      for (;;) {
        const i = next++;
        if (i >= pledgeCount) return;
        const t = performance.now();
        await makePledge(database.db, null, new Date(), org.id, campaign.id, {
          amountPence: amountOf(i),
          backerName: `Backer ${backer}`,
          backerEmail: `backer${backer}@example.org`,
          anonymous: i % 5 === 0,
        });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);

  const [row] = await database.query<{ backer_pence: number; backer_count: number; match_pence: number }>(
    "SELECT backer_pence, backer_count, match_pence FROM crowdfunding_campaign WHERE organisation_id = $1 AND id = $2",
    [org.id, campaign.id],
  );
  const [sums] = await database.query<{ n: number; total: number; unique_backers: number }>(
    "SELECT count(*)::int AS n, sum(amount_pence)::bigint AS total, count(DISTINCT lower(backer_email))::int AS unique_backers FROM crowdfunding_pledge WHERE organisation_id = $1 AND campaign_id = $2",
    [org.id, campaign.id],
  );
  const settled = await settleCampaign(
    database.db,
    system,
    new Date(Date.parse(`${deadline}T23:59:59Z`) + 86_400_000),
    campaign.id,
  );
  const checks = [
    ["pledges recorded", sums.n, pledgeCount],
    ["sum of pledge rows (pence)", Number(sums.total), expectedPence],
    ["campaign running total (pence)", Number(row.backer_pence), expectedPence],
    ["unique backers", row.backer_count, backers],
    ["released match pledge (pence)", Number(row.match_pence), 1_000],
    ["collected at settlement (pence)", settled.collectedPence, targetPence],
  ] as const;
  console.log(`Crowdfunding pledges on PostgreSQL (${database.describe.replace(/\/[^/]*$/, "/…")})`);
  console.log(`  ${pledgeCount} pledges from ${backers} concurrent backers on one live campaign`);
  console.log(
    `  ${(pledgeCount / seconds).toFixed(0)} pledges/second (${seconds.toFixed(2)} s); latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`,
  );
  console.log(
    `  settlement of ${pledgeCount} pledges: ${settled.status}, ${settled.pledgesCollected} collected`,
  );
  for (const [what, actual, expected] of checks) {
    const ok = actual === expected;
    failed ||= !ok;
    console.log(`  ${ok ? "exact" : "WRONG"}  ${what}: ${actual}${ok ? "" : ` (expected ${expected})`}`);
  }
  return !failed;
}
