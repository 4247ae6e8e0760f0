import type { KithModule } from "../module.ts";
import { safetyApi } from "./api.ts";
import { safetyCli } from "./cli.ts";
import { safetyJobs } from "./jobs/safety-jobs.ts";
import { safetyPlaceSection } from "./pages/place-section.ts";
import { safetyPages } from "./pages/routes.ts";
import { canUsePortal, canViewSharedCases, canWorkCases } from "./policy.ts";
import { seedSafety } from "./seed.ts";

export const safetyModule: KithModule = {
  name: "safety",
  publicLinks: () => [
    {
      href: "/report",
      text: "Report anti-social behaviour",
      description:
        "Tell us about noise, harassment, hate incidents or other problems near your home. Sign in as a tenant or resident.",
    },
    {
      href: "/my-cases",
      text: "Follow your report",
      description: "See what is happening with a report you made, and add information or evidence.",
    },
  ],
  navigation: [
    { href: "/safety", text: "Community safety", visibleTo: canWorkCases },
    { href: "/my-cases", text: "Your cases", visibleTo: canUsePortal },
    { href: "/safety/shared", text: "Shared cases", visibleTo: canViewSharedCases },
  ],
  placeProfile: safetyPlaceSection,
  pages: safetyPages(),
  api: safetyApi(),
  cli: safetyCli,
  jobs: safetyJobs,
  seed: seedSafety,
};
