import { isStaff } from "../../platform/access/policy.ts";
import { modulePages } from "../../platform/http/module-pages.ts";
import type { KithModule } from "../module.ts";
import { grantsApi } from "./api.ts";
import { grantsCli } from "./cli.ts";
import { grantsJobs } from "./jobs/daily-grants.ts";
import { applicationPages } from "./pages/application-pages.ts";
import { applyPages } from "./pages/apply-pages.ts";
import { budgetPages } from "./pages/budget-pages.ts";
import { controlsPages } from "./pages/controls-pages.ts";
import { directAwardPages } from "./pages/direct-award-pages.ts";
import { grantPages } from "./pages/grant-pages.ts";
import { grantsPlaceSection } from "./pages/place-section.ts";
import { programmePages } from "./pages/programme-pages.ts";
import { recipientPages } from "./pages/recipient-pages.ts";
import { registerPages } from "./pages/register-pages.ts";
import { canApply } from "./policy.ts";
import { seedGrants } from "./seed.ts";

const pages = () =>
  modulePages(
    programmePages(),
    applicationPages(),
    grantPages(),
    directAwardPages(),
    registerPages(),
    recipientPages(),
    // Before applyPages: its /applications/:id/:section would take /budget and /documents.
    budgetPages(),
    applyPages(),
    controlsPages(),
  );

export const grantsModule: KithModule = {
  name: "grants",
  publicLinks: ({ slug }) => [
    {
      href: `/grants/public/${slug}`,
      text: "Apply for a grant",
      description: "Funding programmes that are open for community and voluntary groups.",
    },
    {
      href: `/grants/public/${slug}/register`,
      text: "Grants register",
      description: "Every grant awarded, with downloads in the 360Giving format.",
    },
  ],
  navigation: [
    { href: "/grants/manage", text: "Grants", group: "Funding", visibleTo: isStaff },
    { href: "/grants/apply", text: "Apply for a grant", group: "Funding", visibleTo: canApply },
  ],
  placeProfile: grantsPlaceSection,
  pages: pages(),
  api: grantsApi(),
  cli: grantsCli,
  jobs: grantsJobs,
  seed: seedGrants,
};
