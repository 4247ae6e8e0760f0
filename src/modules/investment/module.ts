import { isStaff } from "../../platform/access/policy.ts";
import type { KithModule } from "../module.ts";
import { investmentApi } from "./api.ts";
import { investmentJobs } from "./jobs/follow-up-reminders.ts";
import { investmentPlaceSection } from "./pages/place-section.ts";
import { investmentPages } from "./pages/routes.ts";
import { seedInvestment } from "./seed.ts";

export const investmentModule: KithModule = {
  name: "investment",
  navigation: [
    { href: "/investment", text: "Investment", group: "Investment and impact", visibleTo: isStaff },
  ],
  placeProfile: investmentPlaceSection,
  pages: investmentPages(),
  api: investmentApi(),
  seed: seedInvestment,
  jobs: investmentJobs,
};
