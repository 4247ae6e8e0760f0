import type { KithModule } from "../module.ts";
import { volunteeringApi } from "./api.ts";
import { volunteeringCli } from "./cli.ts";
import { volunteeringJobs } from "./jobs/at-risk.ts";
import { volunteeringPages } from "./pages/index.ts";
import { volunteeringPlaceSection } from "./pages/place-section.ts";
import { canPostOpportunity, canViewReports } from "./policy.ts";
import { seedVolunteering } from "./seed.ts";

export const volunteeringModule: KithModule = {
  name: "volunteering",
  publicLinks: ({ slug }) => [
    {
      href: `/volunteer/${slug}`,
      text: "Volunteer",
      description: "Find a volunteering role near you and apply.",
    },
  ],
  navigation: [
    {
      href: "/volunteering",
      text: "Volunteering",
      group: "Volunteering",
      visibleTo: (actor) => canViewReports(actor),
    },
    {
      href: "/volunteering/roles",
      text: "Volunteering roles",
      group: "Volunteering",
      visibleTo: (actor) => !canViewReports(actor) && canPostOpportunity(actor),
    },
    {
      href: "/my-volunteering",
      text: "My volunteering",
      group: "Volunteering",
      visibleTo: (actor) => actor.kind === "user" && actor.role === "tenant",
    },
  ],
  placeProfile: volunteeringPlaceSection,
  pages: volunteeringPages(),
  api: volunteeringApi(),
  cli: volunteeringCli,
  jobs: volunteeringJobs,
  seed: seedVolunteering,
};
