import { readFile, writeFile } from "node:fs/promises";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProcess } from "../src/modules/budgeting/index.ts";
import { processForm } from "../src/modules/budgeting/test-support.ts";
import { createCampaign } from "../src/modules/crowdfunding/index.ts";
import { gardenCampaignInput } from "../src/modules/crowdfunding/test-support/pledge-journey.ts";
import { createPartnerOrganisation } from "../src/modules/people/index.ts";
import { shareWithAgency } from "../src/modules/safety/commands/agency-sharing.ts";
import { openCase } from "../src/modules/safety/index.ts";
import { makeHomes, makePerson } from "../src/modules/safety/testing/fixtures.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createApiToken, scopesFor } from "../src/platform/auth/api-tokens.ts";
import { actorForUser, createUser } from "../src/platform/auth/users.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import {
  type ApiRule,
  apiAccessMarkdown,
  apiReadTable,
  expectedAnswer,
  type TokenRole,
  tokenRoles,
} from "./api-access-table.ts";
import { buildTestApp, testPassword } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, testNow } from "./fixtures.ts";
import { madeUpId } from "./route-crawl.ts";

// Issue 18 item 6, for the JSON API: every GET operation in the OpenAPI document, without a token
// (401), and with a token of every role that can hold one: one with every read scope the role may
// give, and one with a scope no read uses. Answers are compared with test/api-access-table.ts, which
// is also the table in docs/security.md.

let database: Database;
let app: Hono<AppEnv>;
/** Per role: a token with every read scope the role may give, and (not for suppliers) one with audit:read only. */
const tokens = new Map<TokenRole, { scopes: string[]; token: string }[]>();
const ids: Record<string, string> = {};

async function seedRecords(organisationId: string): Promise<void> {
  const officer = actorFor(organisationId, "officer");
  const [homeId = ""] = await makeHomes(database, organisationId, "E06000035", 1, 9900);
  const personId = await makePerson(database, organisationId, "Ada", "Crawl", homeId);
  const group = await createPartnerOrganisation(database.db, officer, testNow, {
    name: "Westfield residents",
    kind: "community-group",
  });
  const campaign = await createCampaign(
    database.db,
    officer,
    testNow,
    gardenCampaignInput(group.id, "Westfield residents"),
  );
  const process = await createProcess(database.db, officer, testNow, processForm());
  const safetyCase = await openCase(database.db, officer, testNow, {
    category: "hate-incident",
    hateStrand: "race",
    locationType: "home",
    homeId,
    summary: "Abuse shouted at the door",
    openedOn: "2026-06-01",
    parties: [{ role: "complainant", personId }],
  });
  Object.assign(ids, {
    "/homes/{id}": homeId,
    "/people/{id}": personId,
    "/partner-organisations/{id}": group.id,
    "/crowdfunding/campaigns/{id}": campaign.id,
    "/budgeting/processes/{id}/results": process.id,
    "/safety/cases/{id}": safetyCase.id,
    "/portal/cases/{id}": safetyCase.id,
    "/safety/shared-cases/{id}": safetyCase.id,
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  const organisationId = (await makeOrganisation(database.db)).id;
  await seedRecords(organisationId);
  const system = systemActor(organisationId);
  for (const role of tokenRoles) {
    const partner =
      role === "partner-agency" || role === "supplier"
        ? await createPartnerOrganisation(database.db, system, testNow, {
            name: `${role} partner`,
            kind: role === "supplier" ? "supplier" : "agency",
          })
        : null;
    const user = actorForUser(
      await createUser(database.db, system, testNow, {
        organisationId,
        email: `${role}-api@example.org`,
        name: `API ${role}`,
        role,
        password: testPassword,
        partnerOrganisationId: partner?.id ?? null,
      }),
    );
    // The partner agency reads the case through its share.
    if (role === "partner-agency" && partner)
      await shareWithAgency(
        database.db,
        actorFor(organisationId, "officer"),
        testNow,
        ids["/safety/cases/{id}"],
        {
          partnerOrganisationId: partner.id,
          agencyName: "",
          lawfulBasis: "Crime and Disorder Act 1998 s115",
          purpose: "Joint work",
          sharedParts: ["summary"],
          expiresOn: null,
        },
      );
    const reads = scopesFor(user).filter((scope) => scope.endsWith(":read"));
    const sets = role === "supplier" ? [reads] : [reads, ["audit:read"]];
    const made = [];
    for (const scopes of sets)
      made.push({
        scopes,
        token: (await createApiToken(database.db, user, testNow, { name: "crawl", scopes })).token,
      });
    tokens.set(role, made);
  }
});
afterAll(async () => database.close());

async function readOperations(): Promise<string[]> {
  const doc = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([, operations]) => "get" in operations)
    .map(([path]) => path)
    .sort();
}

const pathFor = (rule: ApiRule) =>
  `/api/v1${rule.route.replace(/\{[^}]+\}/g, ids[rule.route] ?? madeUpId)}${rule.query ? `?${rule.query}` : ""}`;

describe("API reads checked before loading", () => {
  it("answers 401 to every GET operation of /api/v1 without a token", async () => {
    const wrong: string[] = [];
    for (const route of await readOperations()) {
      const path = `/api/v1${route.replace(/\{[^}]+\}/g, madeUpId)}`;
      const response = await app.request(path);
      if (response.status !== 401) wrong.push(`GET ${path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("has one row per GET operation in the role-by-scope table", async () => {
    const operations = await readOperations();
    const rows = apiReadTable.map((rule) => rule.route);
    expect(operations.filter((route) => !rows.includes(route)).map((r) => `${r} has no row`)).toEqual([]);
    expect(rows.filter((route) => !operations.includes(route)).map((r) => `${r} is no operation`)).toEqual(
      [],
    );
  });

  it("answers every GET operation for every role's token exactly as the table says", async () => {
    const wrong: string[] = [];
    const seen: string[] = [];
    for (const rule of apiReadTable) {
      const path = pathFor(rule);
      for (const role of tokenRoles) {
        for (const { scopes, token } of tokens.get(role) ?? []) {
          const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
          const body = await response.text();
          const expected = expectedAnswer(rule, role, scopes, rule.route in ids);
          seen.push(`${rule.route} ${role} ${scopes.length} ${response.status}`);
          if (!expected.includes(response.status))
            wrong.push(
              `${role} [${scopes.join(",")}] GET ${path}: ${response.status}, expected ${expected.join(" or ")}`,
            );
          if (
            response.status === 403 &&
            !scopes.includes(`${rule.area}:read`) &&
            !body.includes(`${rule.area}:read`)
          )
            wrong.push(`${role} GET ${path}: 403 does not name the ${rule.area}:read scope`);
        }
      }
    }
    if (process.env.KITH_SHOW_API_ACCESS === "1") console.log(seen.join("\n"));
    expect(wrong).toEqual([]);
  }, 120_000);

  // `KITH_UPDATE_DOCS=1 npx vitest run test/route-access-api.test.ts` rewrites the table in the doc.
  it("writes the same table in docs/security.md", async () => {
    const file = new URL("../docs/security.md", import.meta.url);
    const doc = await readFile(file, "utf8");
    const [before, rest = ""] = doc.split("<!-- api-access:start -->");
    const [, after = ""] = rest.split("<!-- api-access:end -->");
    const written = `${before}<!-- api-access:start -->\n${apiAccessMarkdown()}<!-- api-access:end -->${after}`;
    if (process.env.KITH_UPDATE_DOCS === "1") await writeFile(file, written);
    expect(doc).toBe(written);
  });
});
