import { systemActor } from "../../../platform/access/actor.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { Problem } from "../../../platform/http/problem.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { advancePhase } from "../commands/manage-process.ts";
import { listProcessesOf } from "../queries/processes.ts";
import type { PbProcess } from "../schema.ts";

/**
 * Whether a process's dates say it should leave its current phase today (UK date).
 * Voting closes at the end of its closing day; ballots are already refused after it,
 * so leaving voting only decides when the count is published.
 */
function dueToMove(process: PbProcess, today: string): boolean {
  switch (process.phase) {
    case "proposals":
      return today >= process.reviewOpen;
    case "review":
      return today >= process.votingOpen;
    case "voting":
      return (
        process.publishResults === "automatic" && today > process.votingClose && today >= process.resultsDate
      );
    default:
      return false;
  }
}

export type PhaseRun = { moved: string[]; waiting: { processId: string; reason: string }[] };

/**
 * Moves every process of one organisation through its phases by their dates, as far as
 * they allow in one go (a process whose review and voting dates have both passed moves
 * twice). Each move is the officer's own command under a system actor, so the checks,
 * the count and the audit are the same. Idempotent: a process already in the right
 * phase is not touched, and each move only happens from the phase it expects.
 */
export async function movePhasesByDate(db: Db, organisationId: string, now: Date): Promise<PhaseRun> {
  const actor = systemActor(organisationId, "Participatory budgeting phase dates");
  const today = londonDay(now);
  const run: PhaseRun = { moved: [], waiting: [] };
  for (const process of await listProcessesOf(db, organisationId)) {
    if (process.source !== "kith") continue;
    let current: PbProcess = process;
    while (dueToMove(current, today)) {
      try {
        const next = await advancePhase(db, actor, now, current.id, current.phase);
        run.moved.push(`${current.id}:${next}`);
        current = { ...current, phase: next };
      } catch (error) {
        // Voting cannot open with proposals still unreviewed: it waits for the officer.
        if (!(error instanceof Problem)) throw error;
        run.waiting.push({ processId: current.id, reason: error.detail || error.title });
        break;
      }
    }
  }
  return run;
}

export const budgetingJobs: JobDefinition[] = [
  {
    name: "budgeting.phases",
    daily: true,
    run: async (context) => {
      if (context.organisationId)
        await movePhasesByDate(context.database.db, context.organisationId, context.now);
    },
  },
];
