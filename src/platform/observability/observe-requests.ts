import { randomInt } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../http/app-env.ts";
import type { Logger } from "./logger.ts";
import { httpRequestDuration, httpRequests } from "./metrics.ts";

// Letters and digits a person can read out over the phone without confusion (no 0/O, 1/I/L).
const referenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A fresh request reference such as "K7F2-9QXM-3BHD": short enough to quote, 59 bits of randomness. */
export function newRequestId(): string {
  let id = "";
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) id += "-";
    id += referenceAlphabet[randomInt(referenceAlphabet.length)];
  }
  return id;
}

// A proxy's id is kept so one reference follows the request through every tier, but only
// a short token: anything else could forge log lines or fill them with rubbish.
const safeIncomingId = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(incoming: string | undefined): string {
  return incoming && safeIncomingId.test(incoming) ? incoming : newRequestId();
}

/** The registered pattern that answered (e.g. "/cases/:id"), so metrics never hold raw ids. */
export function routePattern(c: Context<AppEnv>): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (route && route.method !== "ALL") return route.path;
  // Answered by a middleware (CSRF refusal, body limit) or by nothing at all.
  return c.res.status === 404 ? "(unmatched)" : "(middleware)";
}

/**
 * The first middleware: gives the request its id (X-Request-Id both ways), a child logger
 * that stamps the id on every line, and records duration and status in the metrics.
 */
export function observeRequests(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header("x-request-id"));
    const log = logger.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    await next();
    c.header("X-Request-Id", requestId);
    const seconds = (performance.now() - started) / 1000;
    const route = routePattern(c);
    const status = c.res.status;
    httpRequestDuration.observe({ method: c.req.method, route }, seconds);
    httpRequests.inc({ method: c.req.method, route, status: String(status) });
    // A secret in the path (a password reset link) must not land in the logs: log its pattern instead.
    const path = route.includes(":token") ? route : c.req.path;
    log.info({ method: c.req.method, path, route, status, ms: Math.round(seconds * 10_000) / 10 }, "request");
  };
}
