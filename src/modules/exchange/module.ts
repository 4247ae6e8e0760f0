import { modulePages } from "../../platform/http/module-pages.ts";
import type { KithModule } from "../module.ts";
import { exchangeApi } from "./api.ts";
import { exchangeJobs } from "./jobs/overdue-pledges.ts";
import { contractPages } from "./pages/contract-pages.ts";
import { dashboardPage } from "./pages/dashboard-page.ts";
import { needsPages } from "./pages/needs-pages.ts";
import { pledgePages } from "./pages/pledge-pages.ts";
import { publicNeedsPages } from "./pages/public-needs-pages.ts";
import { canUseExchange } from "./policy.ts";
import { seedExchange } from "./seed.ts";

const pages = modulePages(pledgePages, contractPages, needsPages, dashboardPage, publicNeedsPages);

export const exchangeModule: KithModule = {
  name: "exchange",
  navigation: [
    { href: "/exchange", text: "Social value exchange", group: "Funding", visibleTo: canUseExchange },
  ],
  pages,
  api: exchangeApi,
  jobs: exchangeJobs,
  seed: seedExchange,
};
