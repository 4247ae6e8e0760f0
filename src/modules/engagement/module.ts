import { modulePages } from "../../platform/http/module-pages.ts";
import type { KithModule } from "../module.ts";
import { engagementChangePages } from "./pages/change-pages.ts";
import { engagementPublicPages } from "./pages/public-pages.ts";
import { engagementStaffPages } from "./pages/staff-pages.ts";
import { canViewEngagement } from "./policy.ts";
import { seedEngagement } from "./seed.ts";

const pages = modulePages(engagementPublicPages(), engagementStaffPages(), engagementChangePages());

export const engagementModule: KithModule = {
  name: "engagement",
  publicLinks: ({ slug }) => [
    {
      href: `/have-your-say/${slug}`,
      text: "Have your say",
      description: "Answer open consultations and see what we did about what residents said.",
    },
  ],
  navigation: [
    {
      href: "/engagement",
      text: "Resident involvement",
      group: "Volunteering",
      visibleTo: (actor) => canViewEngagement(actor),
    },
  ],
  pages,
  seed: seedEngagement,
};
