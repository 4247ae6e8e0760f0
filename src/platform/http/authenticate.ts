import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { actorForApiToken } from "../auth/api-tokens.ts";
import { actorForSession } from "../auth/sessions.ts";
import type { AppEnv } from "./app-env.ts";
import { Problem } from "./problem.ts";

export const sessionCookie = "kith_session";

/** Finds who is asking: a bearer token (API clients) or the session cookie (browsers). */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { database } = c.get("services");
    const now = c.get("now");
    c.set("actor", null);
    c.set("viaApiToken", false);
    const authorization = c.req.header("authorization");
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await actorForApiToken(database.db, match[1], now) : null;
      if (!actor) {
        throw new Problem(
          401,
          "invalid-token",
          "The API token is not valid",
          "Check the token, or create a new one on your account page.",
        );
      }
      c.set("actor", actor);
      c.set("viaApiToken", true);
    } else {
      const token = getCookie(c, sessionCookie);
      if (token) c.set("actor", await actorForSession(database.db, token, now));
    }
    await next();
  };
}
