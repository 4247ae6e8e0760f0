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
      if (response.status !== 401) wrong.push(`GET ${path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
