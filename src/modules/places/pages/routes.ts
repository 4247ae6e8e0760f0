import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { assetPages } from "./asset-pages.ts";
import { homePages } from "./home-pages.ts";
import { neighbourhoodPages } from "./neighbourhood-pages.ts";
import { profilePages } from "./profile-pages.ts";

export function placesPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/places", (c) => c.redirect("/places/homes", 303));
  app.route("/", homePages());
  app.route("/", neighbourhoodPages());
  app.route("/", profilePages());
  app.route("/", assetPages());
  return app;
}
