import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { followUpPages } from "./follow-up-pages.ts";
import { participantPages } from "./participant-pages.ts";
import { projectEditPages } from "./project-edit-pages.ts";
import { projectPages } from "./project-pages.ts";
import { registerPages } from "./register-pages.ts";
import { sessionPages } from "./session-pages.ts";
import { strategyEditPages } from "./strategy-edit-pages.ts";
import { strategyPages } from "./strategy-pages.ts";

export function investmentPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route("/", projectEditPages());
  app.route("/", projectPages());
  app.route("/", sessionPages());
  app.route("/", registerPages());
  app.route("/", participantPages());
  app.route("/", strategyEditPages());
  app.route("/", strategyPages());
  app.route("/", followUpPages());
  return app;
}
