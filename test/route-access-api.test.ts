import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { buildTestApp } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { madeUpId } from "./route-crawl.ts";

// Issue 18 item 6, for the JSON API: every GET operation in the OpenAPI document refuses a request
// without a token (401) before it loads anything, whatever id is in its path. Role and scope tables
// for the API are not written yet.

let database: Database;
let app: Hono<AppEnv>;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
});
afterAll(async () => database.close());

// Not yet fixed: these check their required query parameters before the token, so an anonymous
// caller gets 422 (the parameter rules, no data). They must still never answer 200.
const validatedBeforeToken = [
  "/api/v1/safety/nm01",
  "/api/v1/impact/dashboard",
  "/api/v1/impact/social-value",
  "/api/v1/impact/sroi",
  "/api/v1/volunteering/report",
];

describe("API reads checked before loading", () => {
  it("answers 401 to every GET operation of /api/v1 without a token", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.entries(doc.paths)
      .filter(([, operations]) => "get" in operations)
      .map(([path]) => `/api/v1${path.replace(/\{[^}]+\}/g, madeUpId)}`);
    expect(gets.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const path of gets) {
      const response = await app.request(path);
      const known = validatedBeforeToken.includes(path) && response.status === 422;
      if (response.status !== 401 && !known) wrong.push(`GET ${path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
