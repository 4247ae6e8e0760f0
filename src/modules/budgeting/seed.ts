// Demo data: a finished process with published results (Method of Equal Shares), an
// open knapsack vote, and a process taking ideas. Deterministic: context.random only.
import { eq } from "drizzle-orm";
import { systemActor } from "../../platform/access/actor.ts";
import { newId } from "../../platform/db/ids.ts";
import { inOrganisation } from "../../platform/db/scope.ts";
import type { SeedContext } from "../module.ts";
import { listPeopleForSeed } from "../people/index.ts";
import { closeVoting } from "./commands/close-voting.ts";
import { createProcess } from "./commands/create-process.ts";
import { findProcess } from "./queries/processes.ts";
import { pbBallot, pbBallotChoice, pbProcess, pbProposal } from "./schema.ts";

const day = (base: Date, offset: number) =>
  new Date(base.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const ideas: [string, string, string, number][] = [
  [
    "New benches on Oast Green",
    "Six benches so older residents can rest on the way to the shops",
    "Green spaces and environment",
    450_000,
  ],
  [
    "Play area refurbishment",
    "Replace the broken swings and add a toddler area",
    "Play and young people",
    2_400_000,
  ],
  ["Community fridge", "A shared fridge to cut food waste", "Health and wellbeing", 300_000],
  [
    "Better lighting on Mill Lane path",
    "Brighter, low-energy lights on the path to the station",
    "Community safety",
    1_600_000,
  ],
  [
    "Youth club kit",
    "Table tennis, games and sports kit for the youth club",
    "Play and young people",
    250_000,
  ],
  ["Wildflower verges", "Plant wildflowers on the estate verges", "Green spaces and environment", 180_000],
  ["Summer fun day", "A free fun day for everyone on the estate", "Community spaces and events", 600_000],
  ["Cycle shelters", "Covered, secure cycle stands by each block", "Streets and getting around", 1_200_000],
  [
    "Community garden beds",
    "Raised beds for residents to grow food",
    "Green spaces and environment",
    800_000,
  ],
  ["Defibrillator", "A public-access defibrillator at the community centre", "Health and wellbeing", 220_000],
];

async function addFeasible(context: SeedContext, processId: string, budgetId: string, count: number) {
  const rows = ideas.slice(0, count).map(([title, description, category, cost], i) => ({
    organisationId: context.organisationId,
    id: newId(context.now.getTime()),
    processId,
    budgetId,
    reference: String(i + 1).padStart(4, "0"),
    title,
    description,
    location: ["Oast Green", "Mill Lane", "Hop Gardens estate", "Medway Court"][i % 4],
    category,
    estimatedCostPence: cost,
    finalCostPence: Math.round((cost * (0.9 + context.random() * 0.2)) / 100) * 100,
    status: "feasible" as const,
    createdAt: context.now,
    submittedAt: context.now,
    reviewedAt: context.now,
  }));
  await context.database.db.insert(pbProposal).values(rows);
  return rows;
}

async function addBallots(
  context: SeedContext,
  processId: string,
  budgetId: string,
  proposals: { id: string; finalCostPence: number }[],
  voters: string[],
  budget: number,
) {
  const ballots = [];
  const choices = [];
  // Two camps with different tastes, so proportional rules visibly differ from greedy.
  for (const [n, personId] of voters.entries()) {
    const camp = n % 3 === 0 ? proposals.slice(5) : proposals.slice(0, 6);
    const id = newId(context.now.getTime());
    let spent = 0;
    const picked = camp.filter((p) => {
      if (context.random() < 0.45 || spent + p.finalCostPence > budget) return false;
      spent += p.finalCostPence;
      return true;
    });
    if (picked.length === 0) picked.push(camp[0]);
    ballots.push({
      organisationId: context.organisationId,
      id,
      processId,
      budgetId,
      voterKey: `person:${personId}`,
      personId,
      channel: "online" as const,
      createdAt: context.now,
      updatedAt: context.now,
    });
    for (const p of picked)
      choices.push({ organisationId: context.organisationId, ballotId: id, proposalId: p.id, points: 1 });
  }
  for (let i = 0; i < ballots.length; i += 1000)
    await context.database.db.insert(pbBallot).values(ballots.slice(i, i + 1000));
  for (let i = 0; i < choices.length; i += 1000)
    await context.database.db.insert(pbBallotChoice).values(choices.slice(i, i + 1000));
}

/** The five phase dates of a process, as days from today. */
function phaseDates(now: Date, [ideas, review, voting, close, results]: number[]) {
  return {
    proposalsOpen: day(now, ideas),
    reviewOpen: day(now, review),
    votingOpen: day(now, voting),
    votingClose: day(now, close),
    resultsDate: day(now, results),
  };
}

const base = {
  areaKind: "all",
  eligibility: "residents",
  minimumAge: "16",
  utility: "cost",
  completion: "add1",
};

export async function seedBudgeting(context: SeedContext): Promise<void> {
  const system = systemActor(context.organisationId, "Kith demo data");
  const db = context.database.db;
  // Titles name years relative to the demo's today, so a demo seeded in any year reads naturally.
  const year = Number(day(context.now, 0).slice(0, 4));
  const people = (await listPeopleForSeed(db, context.organisationId)).filter(
    (p) => p.personType === "tenant",
  );
  const setPhase = (id: string, phase: "voting" | "review") =>
    db
      .update(pbProcess)
      .set({ phase })
      .where(inOrganisation(pbProcess, context.organisationId, eq(pbProcess.id, id)));

  /** A process with feasible ideas, moved to voting, and tenants' ballots cast. */
  const votingProcess = async (
    input: Parameters<typeof createProcess>[3],
    ideaCount: number,
    voters: { id: string }[],
    spendPence: number,
  ) => {
    const process = await createProcess(db, system, context.now, input);
    const budget = (await findProcess(db, context.organisationId, process.id)).budgets[0];
    const proposals = await addFeasible(context, process.id, budget.id, ideaCount);
    await setPhase(process.id, "voting");
    await addBallots(
      context,
      process.id,
      budget.id,
      proposals.map((p) => ({ id: p.id, finalCostPence: p.finalCostPence })),
      voters.map((p) => p.id),
      spendPence,
    );
    return process;
  };

  const finished = await votingProcess(
    {
      ...base,
      title: `Your Neighbourhood Fund ${year - 1}`,
      summary: "Residents chose how to spend £50,000 on their estates.",
      ballotKind: "approval",
      maxChoices: "5",
      rule: "mes",
      ...phaseDates(context.now, [-200, -170, -150, -120, -110]),
      budget1Name: "Whole area",
      budget1Amount: "50000",
    },
    10,
    people.slice(0, 420),
    5_000_000,
  );
  await closeVoting(db, system, context.now, finished.id);

  await votingProcess(
    {
      ...base,
      title: `Estate improvements vote ${year}`,
      summary: "Choose projects that fit in £30,000.",
      ballotKind: "knapsack",
      rule: "mes",
      ...phaseDates(context.now, [-40, -20, -5, 30, 35]),
      budget1Name: "Estates",
      budget1Amount: "30000",
    },
    8,
    people.slice(500, 560),
    3_000_000,
  );

  await createProcess(db, system, context.now, {
    ...base,
    title: `Green spaces fund ${year + 1}`,
    summary: "Put forward your ideas for greener estates.",
    ballotKind: "approval",
    rule: "greedy",
    ...phaseDates(context.now, [-3, 40, 60, 80, 85]),
    budget1Name: "Green spaces",
    budget1Amount: "20000",
  });
  context.log("budgeting: a finished process with results, an open knapsack vote and one taking ideas");
}
