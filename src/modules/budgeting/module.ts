import type { KithModule } from "../module.ts";
import { budgetingApi } from "./api.ts";
import { budgetingCli } from "./cli.ts";
import { budgetingJobs } from "./jobs/phase-job.ts";
import { budgetingPages } from "./pages/routes.ts";
import { canViewProcesses } from "./policy.ts";
import { seedBudgeting } from "./seed.ts";

export const budgetingModule: KithModule = {
  name: "budgeting",
  navigation: [
    { href: "/budgeting", text: "Budgeting", visibleTo: canViewProcesses },
    { href: "/participate", text: "Have your say", visibleTo: (actor) => !canViewProcesses(actor) },
  ],
  pages: budgetingPages(),
  api: budgetingApi(),
  cli: budgetingCli,
  jobs: budgetingJobs,
  seed: seedBudgeting,
};
