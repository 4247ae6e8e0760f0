import type { KithModule } from "../module.ts";
import { budgetingApi } from "./api.ts";
import { budgetingCli } from "./cli.ts";
import { budgetingJobs } from "./jobs/phase-job.ts";
import { budgetingPlaceSection } from "./pages/place-section.ts";
import { budgetingPages } from "./pages/routes.ts";
import { canViewProcesses } from "./policy.ts";
import { seedBudgeting } from "./seed.ts";

export const budgetingModule: KithModule = {
  name: "budgeting",
  publicLinks: ({ id }) => [
    {
      href: `/pb/${id}`,
      text: "Decide how money is spent",
      description: "Propose ideas for your neighbourhood and vote on which ones are funded.",
    },
  ],
  navigation: [
    { href: "/budgeting", text: "Budgeting", group: "Funding", visibleTo: canViewProcesses },
    {
      href: "/participate",
      text: "Have your say",
      group: "Funding",
      visibleTo: (actor) => !canViewProcesses(actor),
    },
  ],
  placeProfile: budgetingPlaceSection,
  pages: budgetingPages(),
  api: budgetingApi(),
  cli: budgetingCli,
  jobs: budgetingJobs,
  seed: seedBudgeting,
};
