import fc from "fast-check";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHome } from "../src/modules/places/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { buildTestApp, userWithAllScopesToken } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, testNow } from "./fixtures.ts";
import {
  type BodyCase,
  bodyCases,
  type Components,
  hostileIds,
  type Operation,
  queryCases,
} from "./fuzz/openapi-inputs.ts";

// Issue 18 item 10: every operation in /api/openapi.json, fed generated malformed input
// by a token holding every scope, must answer 2xx/4xx, never 5xx. The number of cases per
// operation is bounded so the file stays well under three minutes on two cores.
// FUZZ_SEED repeats a run; FUZZ_RUNS asks for more cases per operation.

const seed = Number(process.env.FUZZ_SEED ?? 20261207);
const runsWithBody = Number(process.env.FUZZ_RUNS ?? 8);
const runsWithoutBody = Math.max(2, Math.ceil(runsWithBody / 2));
const methods = ["get", "post", "put", "patch", "delete"] as const;

describe("API fuzz: no 5xx for any input", { timeout: 600_000 }, () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let token: string;
  const knownIds: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const mine = await makeOrganisation(database.db, "Ours");
    token = await userWithAllScopesToken(database, mine.id, "organisation-admin", "admin@ours.example");
    const home = await createHome(database, actorFor(mine.id, "officer"), testNow, {
      uprn: "100062150009",
      addressLine1: "1 Fuzz Street",
      town: "Maidstone",
      postcode: "ME15 6QX",
      tenure: "social-rent",
      laCode: "E07000110",
    });
    knownIds.push(home.id);
  });
  afterAll(async () => database.close());

  const send = (method: string, url: string, body?: BodyCase) =>
    app.request(url, {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : body.kind === "raw" ? body.raw : JSON.stringify(body.body),
    });

  it("answers every operation's malformed input with 2xx or 4xx", async () => {
    const document = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
      components?: { schemas?: Components };
    };
    const components = document.components?.schemas ?? {};
    const failures: string[] = [];
    let requests = 0;
    let operations = 0;
    const started = performance.now();

    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of methods) {
        const operation = item[method];
        if (!operation) continue;
        operations++;
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        const hasBody = schema !== undefined;
        const pathIds = fc.constantFrom(...hostileIds, ...knownIds);
        const cases = fc.sample(
          fc.record({
            ids: fc.array(pathIds, { minLength: 3, maxLength: 3 }),
            query: queryCases(operation),
            body: hasBody ? bodyCases(schema, components) : fc.constant(undefined),
          }),
          { numRuns: hasBody ? runsWithBody : runsWithoutBody, seed: seed + operations },
        );
        for (const { ids, query, body } of cases) {
          let n = 0;
          const path = template.replace(/\{[^}]+\}/g, () => ids[n++ % ids.length]);
          const url = `/api/v1${path}${query}`;
          requests++;
          const response = await send(method, url, body);
          if (response.status >= 500) {
            const shown =
              body === undefined ? "" : body.kind === "raw" ? body.raw : JSON.stringify(body.body);
            failures.push(`${response.status} ${method.toUpperCase()} ${url} ${shown.slice(0, 300)}`);
          }
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `api fuzz: ${operations} operations, ${requests} requests, ${failures.length} × 5xx, ${seconds} s`,
    );
    expect(operations).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});
