import { isStaff } from "../../platform/access/policy.ts";
import type { KithModule } from "../module.ts";
import { impactApi } from "./api.ts";
import { impactCli } from "./cli.ts";
import { headlinePanel } from "./pages/headline-figures.ts";
import { impactPages } from "./pages/routes.ts";
import { seedImpact } from "./seed.ts";

export const impactModule: KithModule = {
  name: "impact",
  navigation: [{ href: "/impact", text: "Impact", group: "Investment and impact", visibleTo: isStaff }],
  homePanel: headlinePanel,
  pages: impactPages(),
  api: impactApi(),
  cli: impactCli,
  seed: seedImpact,
};
