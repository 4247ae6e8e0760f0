import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { checkApiToken } from "../auth/api-tokens.ts";
import { enforceLimit } from "../auth/rate-limit.ts";
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
      const checked = match
        ? await checkApiToken(database.db, match[1], now)
        : ({ refused: "unknown" } as const);
      c.set("viaApiToken", true);
      if ("refused" in checked) {
        throw checked.refused === "expired"
          ? new Problem(
              401,
              "expired-token",
              "The API token has expired",
              "Create a new token on your account page and give it to the system that uses this one.",
            )
          : new Problem(
              401,
              "invalid-token",
              "The API token is not valid",
              "Check the token, or create a new one on your account page.",
            );
      }
      await enforceLimit(c, "api-token", checked.tokenId);
      c.set("actor", checked.actor);
    } else {
      const token = getCookie(c, sessionCookie);
      if (token) c.set("actor", await actorForSession(database.db, token, now));
    }
    await next();
  };
}
