import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { modulePages } from "../../../platform/http/module-pages.ts";
import { followUpPages } from "./follow-up-pages.ts";
import { participantPages } from "./participant-pages.ts";
import { projectEditPages } from "./project-edit-pages.ts";
import { projectPages } from "./project-pages.ts";
import { registerPages } from "./register-pages.ts";
import { sessionPages } from "./session-pages.ts";
import { strategyEditPages } from "./strategy-edit-pages.ts";
import { strategyPages } from "./strategy-pages.ts";

export function investmentPages(): Hono<AppEnv> {
  return modulePages(
    projectEditPages(),
    projectPages(),
    sessionPages(),
    registerPages(),
    participantPages(),
    strategyEditPages(),
    strategyPages(),
    followUpPages(),
  );
}
