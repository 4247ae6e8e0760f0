import { and, asc, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewProcesses } from "../policy.ts";
import {
  type PbBudget,
  type PbProcess,
  type PbProposal,
  pbBallot,
  pbBudget,
  pbProcess,
  pbProposal,
} from "../schema.ts";

export type ProcessWithBudgets = PbProcess & { budgets: PbBudget[] };

/**
 * A process and its budgets. Processes are public (residents read them without signing
 * in), so this takes the organisation from the address; an id from another
 * organisation is simply not found.
 */
export async function findProcess(
  db: Db,
  organisationId: string,
  processId: string,
): Promise<ProcessWithBudgets> {
  if (!isUuid(processId) || !isUuid(organisationId)) throw notFound("Process not found");
  const [process] = await db
    .select()
    .from(pbProcess)
    .where(matchInOrganisation(pbProcess, organisationId, { id: processId }));
  if (!process) throw notFound("Process not found");
  const budgets = await db
    .select()
    .from(pbBudget)
    .where(matchInOrganisation(pbBudget, organisationId, { processId }))
    .orderBy(asc(pbBudget.position));
  return { ...process, budgets };
}

export type ProcessSummary = PbProcess & { proposals: number; ballots: number };

export async function listProcesses(db: Db, actor: Actor): Promise<ProcessSummary[]> {
  requireAllowed(canViewProcesses(actor), "Only staff can see every process.");
  return listProcessesOf(db, actor.organisationId);
}

/** The public list of processes on the organisation's participation page. */
export async function listProcessesOf(db: Db, organisationId: string): Promise<ProcessSummary[]> {
  const processes = await organisationRows(db, pbProcess, organisationId, desc(pbProcess.votingOpen));
  const ids = processes.map((p) => p.id);
  if (ids.length === 0) return [];
  const proposalCounts = await db
    .select({ processId: pbProposal.processId, n: count() })
    .from(pbProposal)
    .where(
      inOrganisation(
        pbProposal,
        organisationId,
        inArray(pbProposal.processId, ids),
        ne(pbProposal.status, "draft"),
      ),
    )
    .groupBy(pbProposal.processId);
  const ballotCounts = await db
    .select({ processId: pbBallot.processId, n: count() })
    .from(pbBallot)
    .where(inOrganisation(pbBallot, organisationId, inArray(pbBallot.processId, ids)))
    .groupBy(pbBallot.processId);
  const of = (rows: { processId: string; n: number }[], id: string) =>
    rows.find((r) => r.processId === id)?.n ?? 0;
  return processes.map((p) => ({
    ...p,
    proposals: of(proposalCounts, p.id),
    ballots: of(ballotCounts, p.id),
  }));
}

export async function countBallots(db: Db, organisationId: string, processId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pbBallot)
    .where(matchInOrganisation(pbBallot, organisationId, { processId }));
  return row?.n ?? 0;
}

/** Proposals of a process; drafts are never listed (they belong to their authors). */
export async function listProposals(
  db: Db,
  organisationId: string,
  processId: string,
  options: { feasibleOnly?: boolean } = {},
): Promise<PbProposal[]> {
  return options.feasibleOnly
    ? proposalsByTitle(db, organisationId, { processId, status: "feasible" })
    : proposalsByTitle(db, organisationId, { processId }, ne(pbProposal.status, "draft"));
}

/** A process's proposals that match, by title (the order voters and staff read them in). */
function proposalsByTitle(
  db: Db,
  organisationId: string,
  match: { processId: string; status?: PbProposal["status"] },
  condition?: SQL,
): Promise<PbProposal[]> {
  return db
    .select()
    .from(pbProposal)
    .where(matchInOrganisation(pbProposal, organisationId, match, condition))
    .orderBy(asc(pbProposal.title), asc(pbProposal.reference));
}

export async function findProposal(
  db: Db,
  organisationId: string,
  processId: string,
  proposalId: string,
): Promise<PbProposal> {
  if (!isUuid(proposalId)) throw notFound("Proposal not found");
  const [found] = await db
    .select()
    .from(pbProposal)
    .where(
      inOrganisation(
        pbProposal,
        organisationId,
        and(eq(pbProposal.processId, processId), eq(pbProposal.id, proposalId)),
      ),
    );
  if (!found) throw notFound("Proposal not found");
  return found;
}

/** The feasible proposals voters choose from, by title; one budget's, or the whole process's. */
export async function feasibleProposals(
  db: Db,
  organisationId: string,
  processId: string,
  budgetId?: string,
): Promise<PbProposal[]> {
  return proposalsByTitle(
    db,
    organisationId,
    { processId, status: "feasible" },
    budgetId ? eq(pbProposal.budgetId, budgetId) : undefined,
  );
}

/** What a project costs for voting and counting: the officer's final cost. */
export function costOf(proposal: Pick<PbProposal, "finalCostPence" | "estimatedCostPence">): number {
  return proposal.finalCostPence ?? proposal.estimatedCostPence ?? 0;
}
