import { systemActor } from "../../platform/access/actor.ts";
import { londonDay } from "../../platform/dates/london.ts";
import type { SeedContext } from "../module.ts";
import { listPartnerOrganisationsForSeed } from "../people/index.ts";
import { createCampaign } from "./commands/create-campaign.ts";
import { createFund } from "./commands/create-fund.ts";
import { makeMatchPledge } from "./commands/make-match-pledge.ts";
import { postUpdate } from "./commands/post-update.ts";
import { reviewCampaign, reviewChecklist } from "./commands/review-campaign.ts";
import { settleCampaign } from "./commands/settle-campaign.ts";
import { submitCampaign } from "./commands/submit-campaign.ts";
import { laCentres } from "./pages/la-centres.ts";
import { type DemoPledge, seedPledges } from "./seed-pledges.ts";

const ideas = [
  [
    "Westfield community garden",
    "Raised beds, a tool shed and a water butt for the estate",
    "Raised beds",
    "Tool shed and tools",
  ],
  [
    "Repair café kit",
    "Tools and a PAT tester so neighbours can fix things together",
    "Tool kit",
    "PAT tester and training",
  ],
  ["Youth football kit", "Kit and goals for the under-12s team", "Kit for 40 players", "Portable goals"],
  ["Community fridge", "A shared fridge to cut food waste", "Commercial fridge", "Food hygiene training"],
  [
    "Play area refurbishment",
    "New safety surfacing and a climbing frame",
    "Safety surfacing",
    "Climbing frame",
  ],
  ["Warm space sofas", "Comfortable seating for the winter warm space", "Sofas and chairs", "Rugs and lamps"],
  ["Mural for the underpass", "A mural designed by local children", "Paint and materials", "Artist's fee"],
  [
    "Coastal clean-up kit",
    "Litter pickers, bags and hi-vis for monthly clean-ups",
    "Litter pickers and bags",
    "Hi-vis and gloves",
  ],
  [
    "Seniors' lunch club kitchen",
    "A better kitchen for the Tuesday lunch club",
    "Cooker and hob",
    "Crockery and utensils",
  ],
  [
    "Bike repair hub",
    "A bike stand and tools for free repair sessions",
    "Workstands and tools",
    "Spare parts",
  ],
] as const;
const places = [
  "community centre",
  "estate green",
  "high street",
  "church hall",
  "youth centre",
  "seafront",
  "library garden",
  "recreation ground",
];
const firstNames = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Ella",
  "Femi",
  "Grace",
  "Harry",
  "Isla",
  "Jack",
  "Kiran",
  "Lily",
  "Mo",
  "Nia",
  "Owen",
  "Priya",
  "Quinn",
  "Ruth",
  "Sam",
  "Tariq",
  "Uma",
  "Vic",
  "Will",
  "Yasmin",
  "Zak",
];
const lastNames = [
  "Ahmed",
  "Baker",
  "Clarke",
  "Davies",
  "Evans",
  "Fisher",
  "Green",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morris",
  "Nowak",
  "Owusu",
  "Patel",
  "Reid",
  "Smith",
  "Taylor",
  "Walker",
];
const messages = [
  null,
  null,
  "Good luck!",
  "Great idea for the area.",
  "Happy to help.",
  "My kids will love this.",
  null,
];

type Plan = {
  stage: "draft" | "in-review" | "live" | "successful" | "unsuccessful" | "delivered";
  daysAgo: number;
  length: number;
  reach: number;
};

/** 30 campaigns across every stage: 10 live, 9 successful (4 delivered), 6 unsuccessful, 3 in review, 2 drafts. */
function plans(): Plan[] {
  const list: Plan[] = [];
  for (let i = 0; i < 5; i++)
    list.push({ stage: "delivered", daysAgo: 200 - i * 12, length: 42, reach: 1.05 });
  for (let i = 0; i < 5; i++)
    list.push({ stage: "successful", daysAgo: 120 - i * 10, length: 35, reach: 1.02 });
  for (let i = 0; i < 6; i++)
    list.push({ stage: "unsuccessful", daysAgo: 150 - i * 15, length: 28, reach: 0.35 + i * 0.08 });
  for (let i = 0; i < 10; i++)
    list.push({ stage: "live", daysAgo: 2 + i * 2, length: 45 + i * 3, reach: 0.1 + i * 0.09 });
  for (let i = 0; i < 3; i++) list.push({ stage: "in-review", daysAgo: 3, length: 50, reach: 0 });
  list.push(
    { stage: "draft", daysAgo: 1, length: 60, reach: 0 },
    { stage: "draft", daysAgo: 1, length: 60, reach: 0 },
  );
  return list;
}

export async function seedCrowdfunding(context: SeedContext): Promise<void> {
  const { database, organisationId, random } = context;
  const db = database.db;
  const system = systemActor(organisationId, "Demo seed");
  const at = (daysAgo: number, hour = 10) =>
    new Date(context.now.getTime() - daysAgo * 86_400_000 + (hour - 9) * 3_600_000);
  const groups = (await listPartnerOrganisationsForSeed(db, organisationId)).filter(
    (p) => p.kind === "community-group" || p.kind === "charity",
  );
  const laCodes = Object.keys(laCentres);
  const scores = { "criterion-1": 4, "criterion-2": 4, "criterion-3": 3 };
  const criteria = [
    { key: "criterion-1", label: "Benefit to the wider community", max: 5 },
    { key: "criterion-2", label: "Evidence of public backing", max: 5 },
    { key: "criterion-3", label: "Deliverability", max: 5 },
  ];
  const yearAgo = at(365);
  const ownFund = await createFund(db, system, yearAgo, {
    name: "Community Match Fund",
    funderName: "Weald and Medway Homes",
    isOwnMoney: true,
    budgetPence: 15_000_000,
    maxShareBp: 5000,
    maxAmountPence: 500_000,
    combinedCapBp: 6500,
    minBackers: 10,
    criteria,
    passMark: 9,
  });
  const partnerFund = await createFund(db, system, yearAgo, {
    name: "Coast and Country Match",
    funderName: "Kent Community Foundation",
    isOwnMoney: false,
    budgetPence: 5_000_000,
    maxShareBp: 1500,
    maxAmountPence: 150_000,
    combinedCapBp: 6500,
    minBackers: 15,
    criteria,
    passMark: 8,
  });

  let backerSerial = 0;
  for (const [index, plan] of plans().entries()) {
    const idea = ideas[index % ideas.length];
    const group = groups[index % Math.max(1, groups.length)];
    const laCode = laCodes[index % laCodes.length];
    const centre = laCentres[laCode];
    const launch = at(plan.daysAgo);
    const targetPence = (15 + Math.floor(random() * 75)) * 10_000; // £1,500 to £9,000
    const first = Math.round((targetPence * (0.5 + random() * 0.2)) / 100) * 100;
    const deadline = londonDay(new Date(launch.getTime() + plan.length * 86_400_000));
    const place = places[index % places.length];
    const campaign = await createCampaign(db, system, launch, {
      groupId: group?.id ?? null,
      groupName: group?.name ?? "Residents' association",
      title: `${idea[0]}${index >= ideas.length ? ` (${centre.name})` : ""}`,
      summary: idea[1],
      story: `${group?.name ?? "Our group"} has been running activities at the ${place} for three years.\n\nWe asked neighbours what they wanted most, and this came top. The money pays for what is in the budget; volunteers give their time.`,
      communityBenefit: `Open to everyone who lives near the ${place}, with sessions for local schools and older residents.`,
      targetPence,
      deadline,
      location: `${place[0].toUpperCase()}${place.slice(1)}, ${centre.name}`,
      laCode,
      latitude: Math.round((centre.lat + (random() - 0.5) * 0.06) * 1e5) / 1e5,
      longitude: Math.round((centre.lon + (random() - 0.5) * 0.08) * 1e5) / 1e5,
      budgetLines: [
        { description: idea[2], amountPence: first },
        { description: idea[3], amountPence: targetPence - first },
      ],
      rewardTiers: [
        { title: "Thank-you card", description: "A card made by the group", minPence: 1_000 },
        { title: "Name on the board", description: "Your name on the supporters' board", minPence: 5_000 },
      ],
    });
    if (plan.stage === "draft") continue;
    await submitCampaign(db, system, launch, campaign.id);
    if (plan.stage === "in-review") continue;
    await reviewCampaign(db, system, launch, campaign.id, {
      decision: "approve",
      checks: reviewChecklist.map((c) => c.key),
    });

    // Match funding: the landlord's fund pledges to most campaigns, the foundation to some.
    const matchAt = new Date(launch.getTime() + 3_600_000);
    let matchPence = 0;
    if (index % 4 !== 3) {
      const amount = Math.min(Math.floor((targetPence * 0.4) / 100) * 100, 500_000);
      await makeMatchPledge(db, system, matchAt, campaign.id, {
        fundId: ownFund.id,
        amountPence: amount,
        scores,
      });
      matchPence += amount;
    }
    if (index % 3 === 0) {
      const amount = Math.min(Math.floor((targetPence * 0.15) / 100) * 100, 150_000);
      await makeMatchPledge(db, system, matchAt, campaign.id, {
        fundId: partnerFund.id,
        amountPence: amount,
        scores,
      });
      matchPence += amount;
    }

    // Backers: enough to reach `reach` of the target with the match money, in whole pounds.
    const backerGoal = Math.max(0, Math.ceil(targetPence * plan.reach) - matchPence);
    const backers = Math.max(plan.reach > 0.9 ? 16 : 4, Math.min(24, Math.round(backerGoal / 8_000)));
    const weights = Array.from({ length: backers }, () => 0.3 + random());
    const weightTotal = weights.reduce((a, b) => a + b, 0);
    const daysLive = Math.min(plan.daysAgo, plan.length) - 0.5;
    let pledged = 0;
    const pledges: DemoPledge[] = [];
    for (let b = 0; b < backers; b++) {
      const amount =
        b === backers - 1
          ? Math.max(100, Math.ceil((backerGoal - pledged) / 100) * 100)
          : Math.max(100, Math.round((backerGoal * weights[b]) / weightTotal / 100) * 100);
      pledged += amount;
      backerSerial++;
      const given = firstNames[Math.floor(random() * firstNames.length)];
      const family = lastNames[Math.floor(random() * lastNames.length)];
      pledges.push({
        at: new Date(launch.getTime() + 7_200_000 + (daysLive * 86_400_000 * (b + 1)) / (backers + 1)),
        input: {
          amountPence: amount,
          backerName: `${given} ${family}`,
          backerEmail: `backer${backerSerial}@example.org`,
          anonymous: random() < 0.2,
          message: messages[Math.floor(random() * messages.length)] ?? undefined,
        },
      });
    }
    await seedPledges(db, organisationId, campaign.id, pledges);
    if (plan.stage === "live") continue;
    const closes = new Date(launch.getTime() + (plan.length + 1) * 86_400_000);
    await settleCampaign(db, system, closes, campaign.id);
    if (plan.stage === "successful" || plan.stage === "delivered") {
      await postUpdate(db, system, new Date(closes.getTime() + 5 * 86_400_000), campaign.id, {
        title: "We did it – thank you",
        body: "The target was met and every pledge has been collected. Work starts next month.",
      });
    }
    if (plan.stage === "delivered") {
      await postUpdate(db, system, new Date(closes.getTime() + 40 * 86_400_000), campaign.id, {
        title: "Project delivered",
        body: "Everything in the budget has been bought and is in use. Come and see it.",
        delivered: true,
      });
    }
  }
  context.log(`    30 crowdfunding campaigns, ${backerSerial} backers' pledges`);
}
