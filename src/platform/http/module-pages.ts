import { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";

/**
 * A module's pages: one app holding every part's routes. Order matters where two parts' paths
 * could both match (the first registered answers), so parts are mounted in the order given.
 */
export function modulePages(...parts: Hono<AppEnv>[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const part of parts) app.route("/", part);
  return app;
}
