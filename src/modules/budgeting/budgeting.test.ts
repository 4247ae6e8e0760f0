import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import { Problem } from "../../platform/http/problem.ts";
import { createPerson } from "../people/index.ts";
import { castBallot } from "./commands/cast-ballot.ts";
import { createProcess } from "./commands/create-process.ts";
import { advancePhase, setRule } from "./commands/manage-process.ts";
import { importPabulib } from "./commands/pabulib-import.ts";
import { answerProposalStep, startProposal, submitProposal } from "./commands/proposals.ts";
import { reviewProposal } from "./commands/review-proposal.ts";
import { issueVoteCode, redeemVoteCode, voteOnline } from "./commands/vote-codes.ts";
import { parsePabulib } from "./pabulib/parse.ts";
import { exportPabulib } from "./queries/pabulib-export.ts";
import { feasibleProposals, findProcess, listProposals } from "./queries/processes.ts";
import { getResults } from "./queries/results.ts";
import { computeOutcome, parseDecimal } from "./rules/index.ts";

const processForm = {
  title: "Oast Estate fund",
  summary: "£10,000 for the estate",
  areaKind: "all",
  eligibility: "residents",
  minimumAge: "16",
  ballotKind: "knapsack",
  rule: "mes",
  utility: "cost",
  completion: "add1",
  proposalsOpen: "2026-06-01",
  reviewOpen: "2026-06-10",
  votingOpen: "2026-06-12",
  votingClose: "2026-06-30",
  resultsDate: "2026-07-01",
  budget1Name: "Estate",
  budget1Amount: "£10,000",
};

async function expectProblem(work: Promise<unknown>, status: number, text?: RegExp): Promise<Problem> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  const problem = error as Problem;
  expect(problem.status).toBe(status);
  if (text) expect(`${problem.detail} ${JSON.stringify(problem.fieldErrors ?? {})}`).toMatch(text);
  return problem;
}

describe("participatory budgeting process", () => {
  let database: Database;
  let orgId: string;
  let otherOrgId: string;
  let processId: string;
  const officer = () => actorFor(orgId, "officer");
  const manager = () => actorFor(orgId, "manager");
  const residents: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
    otherOrgId = (await makeOrganisation(database.db, "Other Homes")).id;
    for (const [i, dob] of ["1980-01-01", "1990-05-05", "2015-01-01"].entries()) {
      const p = await createPerson(database.db, officer(), testNow, {
        givenName: `Res${i}`,
        familyName: "Ident",
        dateOfBirth: dob,
        personType: "tenant",
        confirmNotDuplicate: "yes",
      });
      residents.push(p.id);
    }
    processId = (await createProcess(database.db, officer(), testNow, processForm)).id;
  });
  afterAll(async () => database.close());

  const residentActor = (i: number) => actorFor(orgId, "tenant", { personId: residents[i] });

  it("refuses a process whose dates run backwards or whose budget is not money", async () => {
    const dates = await expectProblem(
      createProcess(database.db, officer(), testNow, { ...processForm, votingClose: "2026-06-01" }),
      422,
    );
    expect(dates.fieldErrors?.votingClose).toMatch(/on or after/);
    const money = await expectProblem(
      createProcess(database.db, officer(), testNow, { ...processForm, budget1Amount: "lots" }),
      422,
    );
    expect(money.fieldErrors?.budget1Amount).toMatch(/amount of money/);
    const none = await expectProblem(
      createProcess(database.db, officer(), testNow, {
        ...processForm,
        ballotKind: "approval",
        maxChoices: "0",
      }),
      422,
    );
    expect(none.fieldErrors?.maxChoices).toMatch(/1 or more/);
  });

  it("takes a resident's idea one question at a time, refusing a negative cost", async () => {
    const tenant = residentActor(0);
    const ideas = [
      ["Benches", 200_000],
      ["Play area", 700_000],
      ["Bulb planting", 300_000],
      ["Solar lights", 950_000],
    ] as const;
    for (const [title, cost] of ideas) {
      const draft = await startProposal(database.db, tenant, testNow, processId);
      await answerProposalStep(database.db, tenant, testNow, processId, draft.id, "title", { title });
      await answerProposalStep(database.db, tenant, testNow, processId, draft.id, "description", {
        description: `${title} for everyone`,
      });
      await answerProposalStep(database.db, tenant, testNow, processId, draft.id, "location", {
        location: "Oast Green",
      });
      if (title === "Benches")
        await expectProblem(
          answerProposalStep(database.db, tenant, testNow, processId, draft.id, "cost", {
            estimatedCostPence: "-50",
          }),
          422,
          /cannot be negative/,
        );
      await answerProposalStep(database.db, tenant, testNow, processId, draft.id, "cost", {
        estimatedCostPence: String(cost / 100),
      });
      if (title !== "Solar lights")
        await answerProposalStep(database.db, tenant, testNow, processId, draft.id, "category", {
          category: "Green spaces and environment",
        });
      else
        await expectProblem(
          submitProposal(database.db, tenant, testNow, processId, draft.id),
          422,
          /category/,
        );
      if (title === "Solar lights")
        await answerProposalStep(database.db, tenant, testNow, processId, draft.id, "category", {
          category: "Community safety",
        });
      await submitProposal(database.db, tenant, testNow, processId, draft.id);
    }
    // Another resident cannot see or change someone else's draft.
    const draft = await startProposal(database.db, tenant, testNow, processId);
    await expectProblem(
      answerProposalStep(database.db, residentActor(1), testNow, processId, draft.id, "title", {
        title: "Mine now",
      }),
      404,
    );
    expect((await listProposals(database.db, orgId, processId)).map((p) => p.title).sort()).toEqual([
      "Benches",
      "Bulb planting",
      "Play area",
      "Solar lights",
    ]);
  });

  it("opens voting only after every proposal is reviewed, with the officer's final cost", async () => {
    await advancePhase(database.db, officer(), testNow, processId, "proposals");
    await expectProblem(
      advancePhase(database.db, officer(), testNow, processId, "review"),
      409,
      /Review the 4 remaining/,
    );
    const proposals = await listProposals(database.db, orgId, processId);
    for (const p of proposals) {
      if (p.title === "Solar lights") {
        await expectProblem(
          reviewProposal(database.db, officer(), testNow, processId, p.id, { decision: "infeasible" }),
          422,
          /Say why/,
        );
        await reviewProposal(database.db, officer(), testNow, processId, p.id, {
          decision: "infeasible",
          reason: "The council owns the lamp posts",
        });
      } else {
        const cost = p.title === "Play area" ? "6000" : String((p.estimatedCostPence ?? 0) / 100);
        await reviewProposal(database.db, officer(), testNow, processId, p.id, {
          decision: "feasible",
          finalCostPence: cost,
        });
      }
    }
    expect(await advancePhase(database.db, officer(), testNow, processId, "review")).toBe("voting");
    // A stale form cannot skip a phase.
    await expectProblem(advancePhase(database.db, officer(), testNow, processId, "review"), 409);
  });

  it("counts one knapsack ballot per person, refuses one over the budget, and lets a voter change theirs", async () => {
    const process = await findProcess(database.db, orgId, processId);
    const budgetId = process.budgets[0].id;
    const feasible = await feasibleProposals(database.db, orgId, processId, budgetId);
    const id = (title: string) => feasible.find((p) => p.title === title)?.id as string;
    expect(feasible.map((p) => p.title)).not.toContain("Solar lights");
    const choose = (...titles: string[]) => new Map(titles.map((t) => [id(t), 1]));
    // An officer typing in a paper ballot for this budget: by its reference, naming the voter if known.
    const enterPaperBallot = (paperReference: string, personId: string | null, ...titles: string[]) =>
      castBallot(
        database.db,
        officer(),
        testNow,
        orgId,
        processId,
        budgetId,
        { channel: "paper", paperReference, personId },
        choose(...titles),
      );
    await expectProblem(
      voteOnline(
        database.db,
        residentActor(0),
        testNow,
        processId,
        budgetId,
        choose("Benches", "Play area", "Bulb planting"),
      ),
      422,
      /more than the budget/,
    );
    await voteOnline(database.db, residentActor(0), testNow, processId, budgetId, choose("Benches"));
    const again = await voteOnline(
      database.db,
      residentActor(0),
      testNow,
      processId,
      budgetId,
      choose("Play area", "Benches"),
    );
    expect(again.changed).toBe(true);
    // Too young to vote.
    await expectProblem(
      voteOnline(database.db, residentActor(2), testNow, processId, budgetId, choose("Benches")),
      403,
      /16 or over/,
    );
    // A code issued to resident 1 votes as them; a wrong code is refused.
    const code = await issueVoteCode(database.db, officer(), testNow, processId, residents[1]);
    await expectProblem(
      redeemVoteCode(database.db, testNow, orgId, processId, "AAAA-BBBB-CC"),
      422,
      /not right/,
    );
    const redeemed = await redeemVoteCode(database.db, testNow, orgId, processId, code.toLowerCase());
    expect(redeemed.personId).toBe(residents[1]);
    await castBallot(
      database.db,
      null,
      testNow,
      orgId,
      processId,
      budgetId,
      { channel: "code", personId: redeemed.personId },
      choose("Bulb planting", "Benches"),
    );
    // Paper ballots: entered once.
    await enterPaperBallot("0001", null, "Play area");
    await expectProblem(enterPaperBallot("0001", null, "Benches"), 409, /already been entered/);
    // A paper ballot naming someone who is not on record is refused at the field.
    const unknownPerson = await expectProblem(
      enterPaperBallot("0003", "0190c0de-0000-7000-8000-00000000abcd", "Benches"),
      422,
    );
    expect(unknownPerson.fieldErrors?.personId).toMatch(/No resident/);
    // A paper ballot for someone who voted online is a second vote.
    await expectProblem(enterPaperBallot("0002", residents[0], "Benches"), 409, /already voted/);
    // After the closing day (UK time) a vote is refused even before an officer closes voting.
    const lateNight = new Date("2026-06-30T23:30:00Z");
    await expectProblem(
      voteOnline(database.db, residentActor(0), lateNight, processId, budgetId, choose("Benches")),
      409,
      /Voting closed/,
    );
    // Nobody else's organisation can see the process.
    await expectProblem(findProcess(database.db, otherOrgId, processId), 404);
  });

  it("locks the rule once votes exist, then closes voting and publishes exact results", async () => {
    await expectProblem(
      setRule(database.db, manager(), testNow, processId, { rule: "greedy" }),
      409,
      /cannot change/,
    );
    await advancePhase(database.db, officer(), testNow, processId, "voting");
    const process = await findProcess(database.db, orgId, processId);
    await expectProblem(
      voteOnline(database.db, residentActor(1), testNow, processId, process.budgets[0].id, new Map()),
      422,
    );
    const results = await getResults(database.db, orgId, processId);
    const budget = results.budgets[0];
    // The same election through the engine directly: ballots {B,P}, {Bu,B}, {P}; budget £10,000.
    const proposals = await listProposals(database.db, orgId, processId, { feasibleOnly: true });
    const ref = (title: string) => proposals.find((p) => p.title === title)?.reference as string;
    const expected = computeOutcome(
      {
        budget: parseDecimalOrThrow("10000"),
        projects: proposals.map((p) => ({
          id: p.reference,
          cost: parseDecimalOrThrow(String((p.finalCostPence ?? 0) / 100)),
        })),
        ballots: [
          [ref("Benches"), ref("Play area")],
          [ref("Bulb planting"), ref("Benches")],
          [ref("Play area")],
        ],
      },
      { rule: "mes", utility: "cost", completion: "add1" },
    );
    expect(budget.result?.outcome.selected).toEqual(expected.selected);
    expect(budget.result?.ballots).toBe(3);
    expect(budget.result?.completion).toBe("add1");
    expect(budget.result?.tieBreaking).toBe("lexicographic-project-id");
    expect(budget.result?.comparison.map((c) => c.label)).toHaveLength(4);
  });

  it("round-trips a finished process through a pabulib file", async () => {
    const text = await exportPabulib(database.db, officer(), processId);
    const parsed = parsePabulib(text);
    expect(parsed.ballots).toHaveLength(3);
    expect(parsed.budget.toExactString()).toBe("10000");
    const imported = await importPabulib(database.db, officer(), testNow, text, {
      rule: "mes",
      utility: "cost",
      completion: "add1",
    });
    const again = await getResults(database.db, orgId, imported.processId);
    const original = await getResults(database.db, orgId, processId);
    expect(again.budgets[0].result?.outcome.selected).toEqual(original.budgets[0].result?.outcome.selected);
  });
});

function parseDecimalOrThrow(text: string) {
  const r = parseDecimal(text);
  if (!r) throw new Error(text);
  return r;
}
