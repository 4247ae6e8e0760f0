import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { createApp } from "../../app.ts";
import { systemActor } from "../../platform/access/actor.ts";
import { createApiToken } from "../../platform/auth/api-tokens.ts";
import { loadSigningSecret } from "../../platform/auth/secret.ts";
import { actorForUser, createUser } from "../../platform/auth/users.ts";
import { loadConfig } from "../../platform/config/config.ts";
import type { Database } from "../../platform/db/database.ts";
import { modules } from "../registry.ts";
import { registerValidator } from "./register/validate-register.ts";
import {
  directAwardInput,
  type GrantPeople,
  grantPeople,
  makeProgramme,
  sendApplication,
} from "./test-support.ts";

// The JSON API and the public downloads, through the whole app (authentication,
// scopes, problem+json), on the same database engine as the rest of the suite.

let database: Database;
let people: GrantPeople;
let app: ReturnType<typeof createApp>;
let managerToken: string;
let readOnlyToken: string;
let otherToken: string;
let slug: string;

async function tokenFor(
  organisationId: string,
  email: string,
  role: "manager",
  scopes: string[],
): Promise<string> {
  const user = await createUser(database.db, systemActor(organisationId), testNow, {
    organisationId,
    email,
    name: "API Manager",
    role,
    password: "a-long-enough-password-123",
  });
  return (await createApiToken(database.db, actorForUser(user), testNow, { name: "test", scopes })).token;
}

function call(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(`/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db, "API Homes");
  people = await grantPeople(database.db, org.id);
  const other = await makeOrganisation(database.db, "Elsewhere Homes");
  slug = org.slug;
  const config = loadConfig({ ...process.env, DATABASE_URL: "" });
  app = createApp(
    { database, config, signingSecret: await loadSigningSecret(database.db), clock: () => testNow },
    modules,
  );
  managerToken = await tokenFor(org.id, "manager@api.example", "manager", ["grants:write"]);
  readOnlyToken = await tokenFor(org.id, "reader@api.example", "manager", ["grants:read"]);
  otherToken = await tokenFor(other.id, "manager@elsewhere.example", "manager", ["grants:write"]);
});
afterAll(async () => database?.close());

describe("grants API", () => {
  it("refuses a direct award without a criterion with a problem naming the field", async () => {
    const response = await call(managerToken, "POST", "/grants/direct-awards", {
      ...directAwardInput(people),
      criterion: undefined,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { errors: Record<string, string> };
    expect(problem.errors.criterion).toBe("Choose the direct award criterion the grant meets");
  });

  it("proposes and approves a direct award, then refuses two months' notice", async () => {
    const proposed = await call(managerToken, "POST", "/grants/direct-awards", directAwardInput(people));
    expect(proposed.status).toBe(201);
    const grant = (await proposed.json()) as { id: string; status: string; amountAwardedPence: number };
    expect(grant).toMatchObject({ status: "proposed", amountAwardedPence: 9_000_000 });
    const approved = await call(managerToken, "POST", `/grants/grants/${grant.id}/approve`);
    expect(((await approved.json()) as { status: string }).status).toBe("active");
    const shortNotice = await call(managerToken, "POST", `/grants/grants/${grant.id}/funding-changes`, {
      kind: "ending",
      effectiveOn: "2026-08-15",
      reason: "Budget",
    });
    expect(shortNotice.status).toBe(422);
    const problem = (await shortNotice.json()) as { detail: string; errors: Record<string, string> };
    expect(problem.detail).toBe("Funding can only be ended with at least three months' notice.");
    const detail = (await (await call(managerToken, "GET", `/grants/grants/${grant.id}`)).json()) as {
      payments: { amountPence: number; status: string }[];
    };
    expect(detail.payments.map((p) => p.status)).toEqual(["scheduled", "scheduled", "scheduled"]);
    const withNotice = await call(managerToken, "POST", `/grants/grants/${grant.id}/funding-changes`, {
      kind: "ending",
      effectiveOn: "2027-07-01",
      reason: "Recommissioned",
    });
    expect(withNotice.status).toBe(201);
  });

  it("keeps one organisation's grants from another (404) and a read-only token from writing (403)", async () => {
    const list = (await (await call(managerToken, "GET", "/grants/grants")).json()) as {
      items: { id: string }[];
    };
    const id = list.items[0]?.id ?? "";
    expect((await call(otherToken, "GET", `/grants/grants/${id}`)).status).toBe(404);
    expect((await call(otherToken, "POST", `/grants/grants/${id}/approve`)).status).toBe(404);
    expect((await call(readOnlyToken, "GET", "/grants/grants")).status).toBe(200);
    expect(
      (await call(readOnlyToken, "POST", "/grants/direct-awards", directAwardInput(people))).status,
    ).toBe(403);
    expect((await call(managerToken, "GET", "/grants/grants/not-a-uuid")).status).toBe(404);
  });

  it("refuses a grant owner who is not one of the organisation's staff users, naming the field", async () => {
    const refused = await call(
      managerToken,
      "POST",
      "/grants/direct-awards",
      directAwardInput(people, { grantOwnerUserId: "Priya Shah" }),
    );
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
      grantOwnerUserId: "Choose the grant owner from your organisation's staff",
    });
  });
});

describe("applications through the API", () => {
  it("assesses, moderates and awards, refusing a decision before moderation", async () => {
    const db = database.db;
    const [org] = await database.query<{ id: string }>(
      "SELECT id FROM organisation WHERE name = 'API Homes'",
    );
    const manager = actorFor(org.id, "manager");
    const applicant = actorFor(org.id, "community-group");
    const programme = await makeProgramme(db, manager, testNow);
    const draft = await sendApplication(db, applicant, testNow, programme.id, {
      project: { projectSummary: "S" },
    });
    const early = await call(managerToken, "POST", `/grants/applications/${draft.id}/decision`, {
      decision: "decline",
      reason: "No",
    });
    expect(early.status).toBe(409);
    const assessed = await call(managerToken, "POST", `/grants/applications/${draft.id}/assessments`, {
      conflictDeclared: "no",
      scores: { need: 5, delivery: 5 },
    });
    expect(((await assessed.json()) as { weightedScoreBp: number }).weightedScoreBp).toBe(10_000);
    const moderated = await call(managerToken, "POST", `/grants/applications/${draft.id}/moderation`, {
      note: "Agreed",
      moderatedScore: "90",
    });
    expect((await moderated.json()) as { moderatedScoreBp: number; status: string }).toMatchObject({
      moderatedScoreBp: 9000,
      status: "moderated",
    });
    const decided = await call(managerToken, "POST", `/grants/applications/${draft.id}/decision`, {
      decision: "award",
      reason: "Strong",
      amountAwarded: "1000",
      startDate: "2026-07-01",
      endDate: "2026-12-31",
      ...people,
      conditions: "C",
      monitoringFrequency: "end-of-grant",
    });
    expect((await decided.json()) as { status: string; grantId: string | null }).toMatchObject({
      status: "awarded",
      grantId: expect.any(String),
    });
    expect((await call(otherToken, "GET", `/grants/applications/${draft.id}`)).status).toBe(404);
  });
});

it("describes the grants routes in the OpenAPI document", async () => {
  const response = await app.request("/api/openapi.json");
  expect(response.status).toBe(200);
  const document = (await response.json()) as { paths: Record<string, unknown> };
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining([
      "/grants/direct-awards",
      "/grants/grants/{id}/funding-changes",
      "/grants/applications/{id}/decision",
    ]),
  );
});

describe("public register downloads", () => {
  it("serves 360Giving JSON that validates, without signing in", async () => {
    const response = await app.request(`/grants/public/${slug}/register/360giving.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("360giving.json");
    const data = (await response.json()) as { grants: unknown[] };
    expect(data.grants).toHaveLength(2);
    expect(registerValidator().validatePackage(data)).toEqual([]);
  });

  it("answers 404 for an unknown organisation", async () => {
    expect((await app.request("/grants/public/no-such-organisation/register")).status).toBe(404);
    expect((await app.request("/grants/public/<script>/register")).status).toBe(404);
    const other = (
      await database.query<{ slug: string }>("SELECT slug FROM organisation WHERE name = 'Elsewhere Homes'")
    )[0]?.slug;
    expect((await app.request(`/grants/public/${other}/register/360giving.json`)).status).toBe(404);
  });
});
