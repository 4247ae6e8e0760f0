import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { createApp } from "../../../app.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import { createApiToken } from "../../../platform/auth/api-tokens.ts";
import { loadSigningSecret } from "../../../platform/auth/secret.ts";
import { actorForUser, createUser } from "../../../platform/auth/users.ts";
import { loadConfig } from "../../../platform/config/config.ts";
import { standardsDirectory } from "../../../platform/config/standards.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  createChangeTemplate,
  createProject,
  createTheme,
  recordSession,
  registerParticipant,
} from "../../investment/index.ts";
import { createCommunityAsset } from "../../places/index.ts";
import { modules } from "../../registry.ts";
import { installOpenDefaultBank } from "../commands/import-value-bank.ts";

// Every Open Referral response is validated against the ORUK 3.0 schemas kept beside the repository.
const schemaDir = standardsDirectory("openreferral-uk", "schema");
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let database: Database;
let app: ReturnType<typeof createApp>;
let token: string;
let projectId: string;
let participantId: string;
const validators: Record<string, ValidateFunction> = {};
let pageValidator: ValidateFunction;

async function schema(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(schemaDir, file), "utf8"));
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const org = await makeOrganisation(db);
  const admin = systemActor(org.id, "test");
  await createTheme(db, admin, testNow, {
    code: "wellbeing",
    name: "Wellbeing",
    description: "Promoting wellbeing",
  });
  const templateId = (
    await createChangeTemplate(db, admin, testNow, {
      name: "T",
      inputs: "i",
      activities: "Lunch club",
      outputs: "o",
      outcomes: "c",
    })
  ).id;
  const asset = await createCommunityAsset(database, admin, testNow, {
    name: "Luton Road Hall",
    assetType: "community-hall",
    address: "1 Luton Road",
    postcode: "ME4 5AA",
    laCode: "E06000035",
    owner: "Weald Homes",
  });
  projectId = (
    await createProject(db, admin, testNow, {
      name: "Chatham Lunch Club",
      summary: "A weekly lunch for older residents.",
      kind: "service",
      stage: "active",
      themeCodes: ["wellbeing"],
      areas: [{ laCode: "E06000035" }],
      need: "yes",
      bestPlaced: "yes",
      canResource: "yes",
      changeTemplateId: templateId,
      assetId: asset.id,
    })
  ).id;
  await createProject(db, admin, testNow, {
    name: "Not yet",
    kind: "project",
    stage: "pipeline",
    themeCodes: ["wellbeing"],
    areas: [{ laCode: "E06000035" }],
    need: "yes",
    bestPlaced: "yes",
    canResource: "yes",
    changeTemplateId: templateId,
  });
  participantId = (
    await registerParticipant(db, admin, testNow, {
      externalRef: "crm-1",
      displayName: "Ada",
      dateOfBirth: "1950-02-01",
      laCode: "E06000035",
    })
  ).id;
  await installOpenDefaultBank(db, admin, testNow);
  const user = await createUser(db, admin, testNow, {
    organisationId: org.id,
    email: "officer@weald.example",
    name: "Officer",
    role: "officer",
    password: "a-long-enough-password-123",
  });
  token = (
    await createApiToken(db, actorForUser(user), testNow, {
      name: "CRM sync",
      scopes: ["investment:write", "impact:write"],
    })
  ).token;
  app = createApp(
    {
      database,
      config: loadConfig({ ...process.env, DATABASE_URL: "" }),
      signingSecret: await loadSigningSecret(db),
      clock: () => testNow,
    },
    modules,
  );

  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(await schema("taxonomy_term.json"), "taxonomy_term.json");
  validators.service = ajv.compile(await schema("compiled/service.json"));
  validators.serviceList = ajv.compile(await schema("compiled/service_list.json"));
  validators.serviceAtLocationList = ajv.compile(await schema("compiled/service_at_location_list.json"));
  validators.taxonomy = ajv.compile(await schema("taxonomy.json"));
  validators.serviceAtLocation = ajv.compile(await schema("compiled/service_at_location.json"));
  validators.taxonomyTerm = ajv.getSchema("taxonomy_term.json") as ValidateFunction;
  const openapi = await schema("openapi.json");
  pageValidator = ajv.compile((openapi.components as { schemas: { Page: object } }).schemas.Page);
});
afterAll(async () => database.close());

function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

describe("Open Referral UK directory", () => {
  it("lists active services only, each valid against the ORUK service schema", async () => {
    const response = await app.request("/openreferral/services");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { contents: Record<string, unknown>[]; total_items: number };
    expectValid(pageValidator, body);
    expect(body.total_items).toBe(1);
    expect(body.contents[0].name).toBe("Chatham Lunch Club");
    for (const service of body.contents) expectValid(validators.service, service);
    // The validator really checks: a made-up status and a non-UUID id are refused.
    expect(validators.service({ id: "not-a-uuid", name: "x", status: "open" })).toBe(false);
  });

  it("gives one service with its location and theme, valid against the schema", async () => {
    const response = await app.request(`/openreferral/services/${projectId}`);
    const service = (await response.json()) as {
      service_at_locations: { location: { name: string } }[];
      attributes: { taxonomy_term: { name: string } }[];
    };
    expectValid(validators.service, service);
    expect(service.service_at_locations[0].location.name).toBe("Luton Road Hall");
    expect(service.attributes[0].taxonomy_term.name).toBe("Wellbeing");
  });

  it("lists services at locations and taxonomies, valid against the schemas", async () => {
    const sal = (await (await app.request("/openreferral/service_at_locations")).json()) as {
      contents: unknown[];
    };
    expectValid(pageValidator, sal);
    expect(sal.contents).toHaveLength(1);
    for (const item of sal.contents) expectValid(validators.serviceAtLocationList, item);
    const taxonomies = (await (await app.request("/openreferral/taxonomies")).json()) as {
      contents: unknown[];
    };
    for (const item of taxonomies.contents) expectValid(validators.taxonomy, item);
  });

  it("gives every ORUK 3.0 endpoint: one taxonomy, the terms, one term, one service at a location", async () => {
    const json = async (path: string) => {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      return (await response.json()) as Record<string, unknown> & { contents: Record<string, string>[] };
    };
    const [taxonomy] = (await json("/openreferral/taxonomies")).contents;
    expectValid(validators.taxonomy, await json(`/openreferral/taxonomies/${taxonomy.id}`));
    const terms = await json("/openreferral/taxonomy_terms");
    expectValid(pageValidator, terms);
    expect(terms.contents.map((term) => term.name)).toContain("Wellbeing");
    for (const term of terms.contents) expectValid(validators.taxonomyTerm, term);
    const wellbeing = terms.contents.find((term) => term.name === "Wellbeing");
    expectValid(validators.taxonomyTerm, await json(`/openreferral/taxonomy_terms/${wellbeing?.id}`));
    const [link] = (await json("/openreferral/service_at_locations")).contents;
    const one = await json(`/openreferral/service_at_locations/${link.id}`);
    expectValid(validators.serviceAtLocation, one);
    expect((one.service as { name: string }).name).toBe("Chatham Lunch Club");
    for (const missing of ["taxonomies", "taxonomy_terms", "service_at_locations"])
      expect(
        (await app.request(`/openreferral/${missing}/00000000-0000-4000-8000-000000000000`)).status,
      ).toBe(404);
  });

  it("filters by taxonomy term, taxonomy and modified-since, and refuses filters it cannot apply", async () => {
    const count = async (query: string) =>
      ((await (await app.request(`/openreferral/services?${query}`)).json()) as { total_items: number })
        .total_items;
    const terms = (await (await app.request("/openreferral/taxonomy_terms")).json()) as {
      contents: { id: string; name: string; taxonomy_id: string }[];
    };
    const wellbeing = terms.contents.find((term) => term.name === "Wellbeing");
    expect(await count(`taxonomy_term_id=${wellbeing?.id}`)).toBe(1); // the lunch club's theme
    expect(await count("taxonomy_term_id=00000000-0000-4000-8000-000000000000")).toBe(0);
    expect(await count(`taxonomy_id=${terms.contents[0].taxonomy_id}`)).toBe(1);
    expect(await count("taxonomy_id=00000000-0000-4000-8000-000000000000")).toBe(0);
    expect(await count("modified_after=2000-01-01")).toBe(1);
    expect(await count("modified_after=2999-01-01")).toBe(0);
    expect(await count("search=lunch")).toBe(1);
    expect(await count("search=bowling")).toBe(0);
    const refused = await app.request("/openreferral/service_at_locations?postcode=ME4%204TR&proximity=2");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("cannot filter by postcode, proximity");
    expect((await app.request("/openreferral/services?modified_after=yesterday")).status).toBe(400);
  });

  it("answers a page past the last with a 404, and page 1 of nothing with an empty page", async () => {
    expect((await app.request("/openreferral/services?page=2")).status).toBe(404);
    const empty = await app.request("/openreferral/services?search=bowling");
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({
      total_items: 0,
      total_pages: 1,
      empty: true,
      last_page: true,
    });
  });

  it("answers an unknown service with a 404 problem and a bad page with a 400", async () => {
    const missing = await app.request("/openreferral/services/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect((await app.request("/openreferral/services?page=0")).status).toBe(400);
  });
});

describe("pushing attendance and outcomes through the API", () => {
  const auth = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

  it("records a session and its attendance, and refuses attendance for a future session", async () => {
    const past = await app.request("/api/v1/investment/sessions", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({
        projectId,
        title: "Lunch",
        heldOn: "2026-06-10",
        durationMinutes: 90,
        depth: "light",
        laCode: "E06000035",
      }),
    });
    expect(past.status).toBe(201);
    const { id } = (await past.json()) as { id: string };
    const recorded = await app.request(`/api/v1/investment/sessions/${id}/attendance`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ attendees: [{ participantId }] }),
    });
    expect(recorded.status).toBe(200);
    expect(await recorded.json()).toEqual({ recorded: 1 });
    const future = (
      await recordSession(
        database.db,
        systemActor(
          (
            await database.query<{ organisation_id: string }>("SELECT organisation_id FROM project LIMIT 1")
          )[0].organisation_id,
        ),
        testNow,
        {
          projectId,
          title: "Later",
          heldOn: "2026-07-01",
          durationMinutes: 60,
          depth: "light",
          laCode: "E06000035",
        },
      )
    ).id;
    const refused = await app.request(`/api/v1/investment/sessions/${future}/attendance`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ attendees: [{ participantId }] }),
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("in the future");
  });

  it("records a batch of outcomes all or nothing, naming the bad one", async () => {
    const good = {
      participantId,
      projectId,
      valueCode: "SOC-LONELY",
      achievedOn: "2026-06-01",
      evidence: "Survey",
    };
    const batch = await app.request("/api/v1/impact/outcomes", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ outcomes: [good, { ...good, participantId: undefined }] }),
    });
    expect(batch.status).toBe(422);
    const problem = (await batch.json()) as { detail: string; errors: Record<string, string> };
    expect(problem.detail).toMatch(/^Outcome 2:/);
    expect(Object.keys(problem.errors)).toContain("outcomes.1.participantId");
    const social = await app.request("/api/v1/impact/social-value?from=2026-01-01&to=2026-12-31", {
      headers: auth(),
    });
    expect(((await social.json()) as { lines: unknown[] }).lines).toHaveLength(0);
    const single = await app.request("/api/v1/impact/outcomes", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify(good),
    });
    expect(single.status).toBe(201);
  });

  it("answers an id that is not a UUID with 404, not a database error", async () => {
    expect((await app.request("/api/v1/investment/projects/not-a-uuid", { headers: auth() })).status).toBe(
      404,
    );
    const attendance = await app.request("/api/v1/investment/sessions/not-a-uuid/attendance", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ attendees: [{ participantId }] }),
    });
    expect(attendance.status).toBe(404);
  });

  it("shows the strategy but lets only managers change it", async () => {
    const strategy = await app.request("/api/v1/investment/strategy", { headers: auth() });
    expect(((await strategy.json()) as { themes: { code: string }[] }).themes.map((t) => t.code)).toEqual([
      "wellbeing",
    ]);
    const refused = await app.request("/api/v1/investment/themes", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ code: "new", name: "New" }),
    });
    expect(refused.status).toBe(403);
  });

  it("exports the SROI table as CSV and XLSX", async () => {
    const csv = await app.request("/impact/export/sroi.csv?from=2026-01-01&to=2026-12-31", {
      headers: auth(),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "project_id,project,social_value_pence,present_value_pence,inputs_pence,sroi_ratio,value_source",
    );
    const xlsx = await app.request("/impact/export/projects.xlsx", { headers: auth() });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await app.request("/impact/export/secrets.csv", { headers: auth() })).status).toBe(404);
  });

  it("adds funding and spending to a project, refusing negative money", async () => {
    const funding = await app.request(`/api/v1/investment/projects/${projectId}/funding`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ source: "Lottery", kind: "external", amountPence: 250_000, year: 2026 }),
    });
    expect(funding.status).toBe(201);
    const negative = await app.request(`/api/v1/investment/projects/${projectId}/spend`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ spentOn: "2026-06-01", amountPence: -5, description: "Refund" }),
    });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as { errors: Record<string, string> }).errors.amountPence).toBe(
      "The amount cannot be negative",
    );
    const stage = await app.request(`/api/v1/investment/projects/${projectId}/stage`, {
      method: "POST",
      headers: auth(),
      body: "null",
    });
    expect(stage.status).toBe(422);
  });

  it("says malformed JSON is malformed", async () => {
    const response = await app.request("/api/v1/investment/sessions", {
      method: "POST",
      headers: auth(),
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});
