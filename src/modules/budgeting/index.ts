// What other modules may use from budgeting: commands and queries only.

export { createProcess } from "./commands/create-process.ts";
export { importPabulib } from "./commands/pabulib-import.ts";
export { exportPabulib } from "./queries/pabulib-export.ts";
export { type PlaceProcess, processesInPlace } from "./queries/place-processes.ts";
export {
  findProcess,
  listProcesses,
  type ProcessSummary,
  type ProcessWithBudgets,
} from "./queries/processes.ts";
export { type BudgetResults, getResults, type ProcessResults } from "./queries/results.ts";
export type { PbBudget, PbProcess, PbProposal, PbResult } from "./schema.ts";
