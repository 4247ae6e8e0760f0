import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { type PbBudget, type PbProposal, type PbResult, pbResult } from "../schema.ts";
import { findProcess, listProposals, type ProcessWithBudgets } from "./processes.ts";

export type BudgetResults = { budget: PbBudget; proposals: PbProposal[]; result: PbResult | null };
export type ProcessResults = { process: ProcessWithBudgets; budgets: BudgetResults[] };

/** Published results per budget (aggregates only: no ballot is ever linked to a person here). */
export async function getResults(db: Db, organisationId: string, processId: string): Promise<ProcessResults> {
  const process = await findProcess(db, organisationId, processId);
  const results = await db
    .select()
    .from(pbResult)
    .where(matchInOrganisation(pbResult, organisationId, { processId: process.id }));
  const proposals = await listProposals(db, organisationId, process.id, { feasibleOnly: true });
  return {
    process,
    budgets: process.budgets.map((budget) => ({
      budget,
      proposals: proposals.filter((p) => p.budgetId === budget.id),
      result: results.find((r) => r.budgetId === budget.id) ?? null,
    })),
  };
}
