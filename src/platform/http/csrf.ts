import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hmac, newSecretToken, safeEqual } from "../auth/tokens.ts";
import { remembered } from "../remember.ts";
import type { AppEnv } from "./app-env.ts";
import { sessionCookie } from "./authenticate.ts";
import { Problem } from "./problem.ts";

export const csrfCookie = "kith_csrf";
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// A session's form token is the same on every request: its HMAC is computed once per secret and
// cookie, not on every page. Whether the session is live is still checked on every request.
const tokensBySecret = new Map<string, (value: string) => string>();

function rememberedHmac(secret: string, value: string): string {
  let tokenOf = tokensBySecret.get(secret);
  if (!tokenOf) {
    tokenOf = remembered((v: string) => hmac(secret, v));
    tokensBySecret.set(secret, tokenOf);
  }
  return tokenOf(value);
}

/**
 * Tokens bound to who is asking. Signed in, every form carries HMAC(secret, session
 * cookie); signed out, HMAC(secret, a random pre-session cookie). A forged
 * cross-site form cannot read either cookie or compute the HMAC, and a token
 * taken from another browser (with its own cookie) does not match this session.
 * Requests authenticated by an API bearer token carry no cookies, so they are exempt.
 */
/** The form token for a live session, or for a signed-out browser's pre-session cookie. */
export function csrfTokenFor(
  signingSecret: string,
  owner: { session: string } | { browserKey: string },
): string {
  return rememberedHmac(
    signingSecret,
    "session" in owner ? `session:${owner.session}` : `browser:${owner.browserKey}`,
  );
}

export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { signingSecret, config } = c.get("services");
    let browserKey = getCookie(c, csrfCookie);
    if (!browserKey || browserKey.length < 20) {
      browserKey = newSecretToken();
      setCookie(c, csrfCookie, browserKey, {
        httpOnly: true,
        sameSite: "Lax",
        secure: config.secureCookies,
        path: "/",
      });
    }
    // The session counts only when it is live: a stale cookie falls back to the pre-session id.
    const session = c.get("actor") && !c.get("viaApiToken") ? getCookie(c, sessionCookie) : undefined;
    const expected = csrfTokenFor(signingSecret, session ? { session } : { browserKey });
    c.set("csrfToken", expected);
    if (unsafeMethods.has(c.req.method) && !c.get("viaApiToken")) {
      const sent = await submittedToken(c);
      if (!sent || !safeEqual(sent, expected)) {
        throw new Problem(
          403,
          "csrf",
          "Your form has expired",
          "Go back, reload the page and submit the form again. This protects you from forged requests.",
        );
      }
    }
    await next();
  };
}

async function submittedToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const token = body._csrf;
    return typeof token === "string" ? token : undefined;
  }
  return undefined;
}
