import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { modulePages } from "../../../platform/http/module-pages.ts";
import { openReferralRoutes } from "../openreferral/routes.ts";
import { assetPages } from "./asset-pages.ts";
import { dashboardPage } from "./dashboard-page.ts";
import { exportRoutes } from "./export-routes.ts";
import { figurePages } from "./figure-pages.ts";
import { outcomePages } from "./outcome-pages.ts";
import { reportPages } from "./report-pages.ts";
import { valuePages } from "./value-pages.ts";

export function impactPages(): Hono<AppEnv> {
  return modulePages(
    dashboardPage(),
    assetPages(),
    valuePages(),
    reportPages(),
    outcomePages(),
    exportRoutes(),
    figurePages(),
    openReferralRoutes(),
  );
}
