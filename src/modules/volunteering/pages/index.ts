import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { modulePages } from "../../../platform/http/module-pages.ts";
import { coordinatorPages } from "./coordinator-pages.ts";
import { dashboardPages } from "./dashboard-pages.ts";
import { hoursRegisterPages } from "./hours-register-pages.ts";
import { myPages } from "./my-pages.ts";
import { publicVolunteeringPages } from "./public-pages.ts";
import { reportPages } from "./report-pages.ts";
import { rolePages } from "./role-pages.ts";
import { templatePages } from "./template-pages.ts";
import { volunteerEditPages } from "./volunteer-edit-pages.ts";
import { volunteerPages } from "./volunteer-pages.ts";

export function volunteeringPages(): Hono<AppEnv> {
  return modulePages(
    publicVolunteeringPages(),
    dashboardPages(),
    rolePages(),
    coordinatorPages(),
    hoursRegisterPages(),
    volunteerEditPages(),
    volunteerPages(),
    reportPages(),
    templatePages(),
    myPages(),
  );
}
