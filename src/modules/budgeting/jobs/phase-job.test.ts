import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { runDueJobs, scheduleDailyJobs } from "../../../platform/jobs/jobs.ts";
import { createPerson } from "../../people/index.ts";
import { castBallot } from "../commands/cast-ballot.ts";
import { createProcess } from "../commands/create-process.ts";
import { answerProposalStep, startProposal, submitProposal } from "../commands/proposals.ts";
import { reviewProposal } from "../commands/review-proposal.ts";
import { findProcess, listProposals } from "../queries/processes.ts";
import { processForm } from "../test-support.ts";
import { budgetingJobs, movePhasesByDate } from "./phase-job.ts";

const at = (day: string) => new Date(`${day}T03:00:00Z`);

describe("the daily phase job", () => {
  let database: Database;
  let orgId: string;
  const officer = () => actorFor(orgId, "officer");
  const phaseOf = async (id: string) => (await findProcess(database.db, orgId, id)).phase;

  async function processWithOneIdea(publishResults: "automatic" | "officer"): Promise<string> {
    const { id } = await createProcess(
      database.db,
      officer(),
      testNow,
      processForm({
        title: `Fund (${publishResults})`,
        summary: "",
        minimumAge: "0",
        publishResults,
        budget1Amount: "£1,000",
      }),
    );
    const proposer = actorFor(orgId, "tenant");
    const draft = await startProposal(database.db, proposer, testNow, id);
    for (const [step, input] of [
      ["title", { title: "Planters" }],
      ["description", { description: "Planters by the doors" }],
      ["location", { location: "Block A" }],
      ["cost", { estimatedCostPence: "400" }],
      ["category", { category: "Other" }],
    ] as const)
      await answerProposalStep(database.db, proposer, testNow, id, draft.id, step, input);
    await submitProposal(database.db, proposer, testNow, id, draft.id);
    return id;
  }

  let automatic: string;
  let byOfficer: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
    automatic = await processWithOneIdea("automatic");
    byOfficer = await processWithOneIdea("officer");
  });
  afterAll(async () => database.close());

  it("moves nothing before the dates, then opens review on its date, once", async () => {
    expect((await movePhasesByDate(database.db, orgId, at("2026-06-09"))).moved).toEqual([]);
    expect(await phaseOf(automatic)).toBe("proposals");
    const run = await movePhasesByDate(database.db, orgId, at("2026-06-10"));
    expect(run.moved.sort()).toEqual([`${automatic}:review`, `${byOfficer}:review`].sort());
    expect((await movePhasesByDate(database.db, orgId, at("2026-06-10"))).moved).toEqual([]);
  });

  it("keeps voting shut while ideas are unreviewed, and opens it once they are", async () => {
    const blocked = await movePhasesByDate(database.db, orgId, at("2026-06-12"));
    expect(blocked.moved).toEqual([]);
    expect(blocked.waiting.map((w) => w.reason)).toEqual([
      expect.stringMatching(/Review the 1 remaining/),
      expect.stringMatching(/Review the 1 remaining/),
    ]);
    for (const id of [automatic, byOfficer]) {
      const [idea] = await listProposals(database.db, orgId, id);
      await reviewProposal(database.db, officer(), testNow, id, idea.id, {
        decision: "feasible",
        finalCostPence: "400",
      });
    }
    await movePhasesByDate(database.db, orgId, at("2026-06-13"));
    expect(await phaseOf(automatic)).toBe("voting");
    expect(await phaseOf(byOfficer)).toBe("voting");
  });

  it("publishes the count on the results date only where that is the setting", async () => {
    const voter = await createPerson(database.db, officer(), testNow, {
      givenName: "Val",
      familyName: "Voter",
      personType: "tenant",
      confirmNotDuplicate: "yes",
    });
    const process = await findProcess(database.db, orgId, automatic);
    const [idea] = await listProposals(database.db, orgId, automatic);
    await castBallot(
      database.db,
      null,
      at("2026-06-20"),
      orgId,
      automatic,
      process.budgets[0].id,
      { channel: "code", personId: voter.id },
      new Map([[idea.id, 1]]),
    );
    // The closing day still belongs to voting.
    expect((await movePhasesByDate(database.db, orgId, at("2026-06-30"))).moved).toEqual([]);
    // Through the job queue, as the server runs it.
    await scheduleDailyJobs(database, budgetingJobs, at("2026-07-01"));
    expect(await runDueJobs(database, budgetingJobs, at("2026-07-01"))).toBeGreaterThan(0);
    expect(await phaseOf(automatic)).toBe("results");
    expect(await phaseOf(byOfficer)).toBe("voting");
    const [result] = await database.query<{ ballots: number; outcome: { selected: string[] } }>(
      "SELECT ballots, outcome FROM pb_result WHERE process_id = $1",
      [automatic],
    );
    expect(result.ballots).toBe(1);
    expect(result.outcome.selected).toEqual([idea.reference]);
    expect((await movePhasesByDate(database.db, orgId, at("2026-07-02"))).moved).toEqual([]);
  });
});
