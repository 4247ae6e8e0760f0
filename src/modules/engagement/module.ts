import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/app-env.ts";
import type { KithModule } from "../module.ts";
import { engagementChangePages } from "./pages/change-pages.ts";
import { engagementPublicPages } from "./pages/public-pages.ts";
import { engagementStaffPages } from "./pages/staff-pages.ts";
import { canViewEngagement } from "./policy.ts";
import { seedEngagement } from "./seed.ts";

const pages = new Hono<AppEnv>();
pages.route("/", engagementPublicPages());
pages.route("/", engagementStaffPages());
pages.route("/", engagementChangePages());

export const engagementModule: KithModule = {
  name: "engagement",
  navigation: [
    { href: "/engagement", text: "Resident involvement", visibleTo: (actor) => canViewEngagement(actor) },
  ],
  pages,
  seed: seedEngagement,
};
