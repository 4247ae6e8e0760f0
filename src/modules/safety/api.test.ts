import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { createApiToken } from "../../platform/auth/api-tokens.ts";
import { actorForUser } from "../../platform/auth/users.ts";
import type { Database } from "../../platform/db/database.ts";
import { makeHomes, medway } from "./testing/fixtures.ts";

let database: Database;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let partnerToken: string;
let officerToken: string;
let readOnlyOfficerToken: string;
let homeId: string;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 4400);
  const partner = await addUser(database, organisationId, "partner-agency", "police@example.org");
  const officer = await addUser(database, organisationId, "officer", "officer@example.org");
  partnerToken = (
    await createApiToken(database.db, actorForUser(partner), testNow, {
      name: "police",
      scopes: ["safety:write"],
    })
  ).token;
  officerToken = (
    await createApiToken(database.db, actorForUser(officer), testNow, {
      name: "officer",
      scopes: ["safety:write"],
    })
  ).token;
  readOnlyOfficerToken = (
    await createApiToken(database.db, actorForUser(officer), testNow, {
      name: "reader",
      scopes: ["safety:read"],
    })
  ).token;
  app = await buildTestApp(database);
});

afterAll(async () => {
  await database.close();
});

const call = (method: string, path: string, token: string, body?: unknown) =>
  app.request(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("safety API", () => {
  it("takes a partner agency's report as a pending report, and explains a bad one", async () => {
    const bad = await call("POST", "/safety/reports", partnerToken, {
      category: "burglary",
      description: "",
      happenedOn: "2026-02-30",
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await bad.json()) as { errors: Record<string, string> };
    expect(Object.keys(problem.errors).sort()).toEqual(["category", "description", "happenedOn"]);
    const good = await call("POST", "/safety/reports", partnerToken, {
      category: "drugs",
      description: "Dealing seen from the stairwell",
      happenedOn: "2026-06-14",
      homeId,
      reporterName: "PC Whitlock",
    });
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject({ status: "pending" });
  });

  it("does not let a partner agency read case records", async () => {
    expect((await call("GET", "/safety/cases", partnerToken)).status).toBe(403);
  });

  it("opens and reads a case for an officer, refusing a write with a read-only token", async () => {
    const body = {
      category: "noise",
      locationType: "home",
      homeId,
      summary: "Parties",
      openedOn: "2026-06-01",
      parties: [{ role: "complainant", name: "Jo Bloggs" }],
    };
    expect((await call("POST", "/safety/cases", readOnlyOfficerToken, body)).status).toBe(403);
    const noParties = await call("POST", "/safety/cases", officerToken, { ...body, parties: [] });
    expect(noParties.status).toBe(422);
    const created = await call("POST", "/safety/cases", officerToken, body);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await call("GET", `/safety/cases/${id}`, readOnlyOfficerToken);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      category: "noise",
      parties: [{ role: "complainant", name: "Jo Bloggs" }],
      communityTrigger: { met: false },
    });
    const nm01 = await call("GET", "/safety/nm01?from=2026-04-01&to=2027-03-31", readOnlyOfficerToken);
    expect(await nm01.json()).toMatchObject({ total: { homes: 1, cases: 1, casesPer1000Homes: 1000 } });
  });

  it("lists cases with a bounded count: exact up to 1,000, then 'more than 1,000', as the OpenAPI document says", async () => {
    const exact = await call("GET", "/safety/cases?state=all", readOnlyOfficerToken);
    expect(await exact.json()).toMatchObject({ total: 1, totalIsLowerBound: false, page: 1 });
    // 1,000 more cases written straight into the table (the API would take minutes to open them).
    await database.query(
      `INSERT INTO safety_case (organisation_id, id, reference, workflow, category, nsir_type, counts_as_asb, location_type,
         la_code, status, summary, published_fields, safeguarding_flags, opened_on, source, legal_hold, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'BULK-' || g, 'asb', 'noise', 'nuisance', true, 'open-space', 'E06000035', 'open',
              'Bulk', '{}', '{}', DATE '2025-01-01', 'import', false, now(), now()
         FROM generate_series(1, 1000) AS g`,
      [organisationId],
    );
    const bounded = await call("GET", "/safety/cases?state=all&pageSize=5", readOnlyOfficerToken);
    const body = (await bounded.json()) as { total: number; totalIsLowerBound: boolean; items: unknown[] };
    expect(body).toMatchObject({ total: 1000, totalIsLowerBound: true });
    expect(body.items).toHaveLength(5);
    const filtered = await call("GET", "/safety/cases?state=all&search=BULK-99", readOnlyOfficerToken);
    // BULK-99 and BULK-990 to BULK-999: a count under the bound is exact.
    expect(await filtered.json()).toMatchObject({ total: 11, totalIsLowerBound: false });
    const literal = await call(
      "GET",
      `/safety/cases?state=all&search=${encodeURIComponent("BULK-9_")}`,
      readOnlyOfficerToken,
    );
    expect(await literal.json()).toMatchObject({ total: 0, totalIsLowerBound: false });
    const document = (await (await app.request("/api/openapi.json")).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    const list = document.components.schemas.CaseList;
    expect(list?.properties.totalIsLowerBound?.description).toContain("more than 1000");
    expect(list?.properties.total?.description).toContain("counted up to 1000");
  });
});
