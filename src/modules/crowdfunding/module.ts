import { isStaff } from "../../platform/access/policy.ts";
import { modulePages } from "../../platform/http/module-pages.ts";
import type { KithModule } from "../module.ts";
import { crowdfundingApi } from "./api.ts";
import { crowdfundingCli } from "./cli.ts";
import { crowdfundingJobs } from "./jobs/settlement-jobs.ts";
import { fundAndReportPages } from "./pages/fund-and-report-pages.ts";
import { imagePages } from "./pages/image-pages.ts";
import { crowdfundingPlaceSection } from "./pages/place-section.ts";
import { pledgeJourneyPages } from "./pages/pledge-journey-pages.ts";
import { publicPages } from "./pages/public-pages.ts";
import { staffActionPages } from "./pages/staff-action-pages.ts";
import { staffPages } from "./pages/staff-pages.ts";
import { canListCampaigns } from "./policy.ts";
import { seedCrowdfunding } from "./seed.ts";

const pages = modulePages(
  fundAndReportPages,
  imagePages,
  staffActionPages,
  staffPages,
  pledgeJourneyPages,
  publicPages,
);

export const crowdfundingModule: KithModule = {
  name: "crowdfunding",
  publicLinks: ({ slug }) => [
    {
      href: `/campaigns/${slug}`,
      text: "Back a community project",
      description:
        "Pledge to local, community-led ideas. Pledges are collected only if a project reaches its target.",
    },
  ],
  navigation: [
    {
      href: "/crowdfunding",
      text: "Crowdfunding",
      group: "Funding",
      visibleTo: (actor) => isStaff(actor) || canListCampaigns(actor),
    },
  ],
  placeProfile: crowdfundingPlaceSection,
  pages,
  api: crowdfundingApi,
  cli: crowdfundingCli,
  jobs: crowdfundingJobs,
  seed: seedCrowdfunding,
};
