import { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";

/**
 * GET /__test/slow?ms=N answers after N milliseconds (at most 30 s). server.ts mounts it only
 * when KITH_TEST_SLOW_ROUTE=true outside production, so the shutdown test has a request
 * that is still running when SIGTERM arrives.
 */
export function testOnlySlowRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/__test/slow", async (c) => {
    const ms = Math.min(Number(c.req.query("ms")) || 1000, 30_000);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return c.text(`finished after ${ms} ms`);
  });
  return app;
}
