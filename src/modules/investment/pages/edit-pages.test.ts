import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { expectRefused } from "../../../../test/refused-form.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import { createApiToken } from "../../../platform/auth/api-tokens.ts";
import { actorForUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { getProject, getStrategy } from "../queries/portfolio.ts";
import { makeActiveProject, makeSocialConnectionStrategy } from "../testing/projects.ts";

// The strategy and project edit pages, posted as a browser without JavaScript would post them.

let database: Database;
let manager: TestBrowser;
let board: TestBrowser;
let managerActor: Actor;
let otherActor: Actor;
let projectId: string;
let templateId: string;
let managerToken: string;
let apiToken: string;
let app: Hono<AppEnv>;
let boardToken: string;

async function auditCount(entityId: string, action: string): Promise<number> {
  const rows = await database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = $2",
    [entityId, action],
  );
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  managerActor = actorFor(organisationId, "manager");
  otherActor = actorFor((await makeOrganisation(database.db, "Other Homes")).id, "manager");
  templateId = await makeSocialConnectionStrategy(database.db, managerActor, testNow);
  projectId = await makeActiveProject(database.db, managerActor, testNow, {
    name: "Lunch club",
    kind: "service",
    themeCodes: ["wellbeing"],
    theoryOfChange: { inputs: "Hall", activities: "Lunch", outputs: "Meals", outcomes: "Friends" },
  });
  const managerUser = await addUser(database, organisationId, "manager", "manager@example.org");
  await addUser(database, organisationId, "read-only", "board@example.org");
  apiToken = (
    await createApiToken(database.db, actorForUser(managerUser), testNow, {
      name: "crm",
      scopes: ["investment:write"],
    })
  ).token;
  app = await buildTestApp(database);
  manager = new TestBrowser(app);
  board = new TestBrowser(app);
  await manager.signIn("manager@example.org");
  await board.signIn("board@example.org");
  // Signed in, the token comes from any page (the sign-out form carries it).
  managerToken = await manager.csrfToken("/investment");
  boardToken = await board.csrfToken("/investment");
});
afterAll(async () => database.close());

const send = (browser: TestBrowser, path: string, fields: Record<string, string>) =>
  browser.post(path, fields, { csrf: browser === manager ? managerToken : boardToken });
const project = () => `/investment/projects/${projectId}`;

describe("project edit pages", () => {
  it("shows theory-of-change errors beside the fields, then applies a template and audits it", async () => {
    const bad = await send(manager, `${project()}/theory-of-change`, {
      tocInputs: "Hall",
      tocActivities: "",
      tocOutputs: "Meals",
      tocOutcomes: "Friends",
    });
    await expectRefused(
      bad,
      'href="#tocActivities"',
      "Enter the activities, or choose a theory of change template",
    );
    expect((await getProject(database.db, managerActor, projectId)).tocActivities).toBe("Lunch");

    const good = await send(manager, `${project()}/theory-of-change`, { changeTemplateId: templateId });
    expect(good.status).toBe(303);
    expect(good.headers.get("location")).toBe(`${project()}?done=toc`);
    const after = await getProject(database.db, managerActor, projectId);
    expect(after).toMatchObject({
      changeTemplateId: templateId,
      tocActivities: "Weekly lunch club",
      indicatorCodes: ["W1"],
    });
    expect(await auditCount(projectId, "update")).toBe(1);
  });

  it("names an unknown indicator code instead of dropping it", async () => {
    const response = await send(manager, `${project()}/theory-of-change`, {
      tocInputs: "a",
      tocActivities: "b",
      tocOutputs: "c",
      tocOutcomes: "d",
      indicatorCodes: "W1, NOPE",
    });
    await expectRefused(response, "There is no indicator with the code NOPE");
  });

  it("re-answers the LIFE matrix and the role follows", async () => {
    const missing = await send(manager, `${project()}/life`, { need: "yes", bestPlaced: "no" });
    await expectRefused(missing, "Choose whether we can resource it");
    const response = await send(manager, `${project()}/life`, {
      need: "yes",
      bestPlaced: "no",
      canResource: "yes",
    });
    expect(response.status).toBe(303);
    const after = await getProject(database.db, managerActor, projectId);
    expect([after.bestPlacedAnswer, after.lifeRole]).toEqual(["no", "follow"]);
  });

  it("adds a budget line in pounds, refuses bad money, and removes a line", async () => {
    const bad = await send(manager, `${project()}/funding`, {
      source: "Lottery",
      kind: "external",
      amount: "lots",
      year: "2026",
    });
    await expectRefused(bad, "Enter the amount in pence");
    const good = await send(manager, `${project()}/funding`, {
      source: "National Lottery",
      kind: "external",
      amount: "£1,250.50",
      year: "2026",
      secured: "yes",
    });
    expect(good.status).toBe(303);
    const [line] = (await getProject(database.db, managerActor, projectId)).funding;
    expect(line).toMatchObject({
      source: "National Lottery",
      kind: "external",
      amountPence: 125050,
      year: 2026,
      secured: true,
    });
    expect(await (await manager.get(`${project()}/funding`)).text()).toContain("National Lottery");
    const removed = await send(manager, `${project()}/funding/${line?.id}/remove`, {});
    expect(removed.status).toBe(303);
    expect((await getProject(database.db, managerActor, projectId)).funding).toEqual([]);
    expect(await auditCount(line?.id ?? "", "delete")).toBe(1);
  });

  it("adds local people to the steering group", async () => {
    const bad = await send(manager, `${project()}/steering`, { name: "Pat Jones", role: "" });
    expect(bad.status).toBe(422);
    await send(manager, `${project()}/steering`, { name: "Pat Jones", role: "Chair", localPerson: "yes" });
    await send(manager, `${project()}/steering`, { name: "Ali Khan", role: "Partner" });
    const steering = (await getProject(database.db, managerActor, projectId)).steering;
    expect(steering.map((m) => [m.name, m.localPerson])).toEqual([
      ["Ali Khan", false],
      ["Pat Jones", true],
    ]);
    expect(await (await manager.get(`${project()}/steering`)).text()).toContain(
      "1 of 2 members are local people",
    );
  });

  it("refuses the board, and hides other organisations' projects (404)", async () => {
    expect((await board.get(`${project()}/life`)).status).toBe(403);
    expect(
      (await send(board, `${project()}/life`, { need: "no", bestPlaced: "no", canResource: "no" })).status,
    ).toBe(403);
    await expect(getProject(database.db, otherActor, projectId)).rejects.toMatchObject({ status: 404 });
    expect((await manager.get("/investment/projects/00000000-0000-7000-8000-000000000000/life")).status).toBe(
      404,
    );
  });
});

describe("strategy edit pages", () => {
  it("adds a theme with outcomes, refuses a clashing code beside the field", async () => {
    const clash = await send(manager, "/investment/strategy/themes/new", {
      name: "Again",
      code: "wellbeing",
    });
    expect(clash.status).toBe(422);
    expect(await clash.text()).toMatch(/href="#code"[\s\S]*already a theme with the code wellbeing/);
    const created = await send(manager, "/investment/strategy/themes/new", {
      name: "Strengthening employability, skills and enterprise",
      code: "employability",
      outcomes: "More residents in work\nMore social enterprises",
    });
    expect(created.status).toBe(303);
    const theme = (await getStrategy(database.db, managerActor)).find((t) => t.code === "employability");
    expect(theme?.outcomes.map((o) => o.name).sort()).toEqual([
      "More residents in work",
      "More social enterprises",
    ]);
    const outcome = await send(manager, `/investment/strategy/themes/${theme?.id}/outcomes`, {
      name: "Better skills",
    });
    expect(outcome.status).toBe(303);
    const blank = await send(manager, `/investment/strategy/themes/${theme?.id}/outcomes`, { name: " " });
    expect(blank.status).toBe(422);
    expect(
      (await getStrategy(database.db, managerActor)).find((t) => t.code === "employability")?.outcomes,
    ).toHaveLength(3);
  });

  it("adds an indicator on a level with a first target, changes its level and sets targets per period", async () => {
    const bad = await send(manager, "/investment/strategy/indicators/new", {
      themeCode: "wellbeing",
      name: "Groups formed",
      code: "C1",
      level: "community",
      unit: "count",
      period: "next year",
      target: "5",
    });
    await expectRefused(bad, "Enter the period like 2026 or 2026/27");
    const created = await send(manager, "/investment/strategy/indicators/new", {
      themeCode: "wellbeing",
      outcomeName: "Residents are less isolated",
      name: "Groups formed",
      code: "C1",
      level: "community",
      unit: "count",
      period: "2026/27",
      baseline: "2",
      target: "5",
    });
    expect(created.status).toBe(303);
    const find = async () =>
      (await getStrategy(database.db, managerActor))
        .flatMap((t) => t.indicators)
        .find((i) => i.code === "C1");
    const indicator = await find();
    expect(indicator?.targets).toMatchObject([{ period: "2026/27", baseline: 2, target: 5 }]);
    await send(manager, `/investment/strategy/indicators/${indicator?.id}`, {
      name: "Groups formed",
      level: "business",
      unit: "count",
    });
    await send(manager, `/investment/strategy/indicators/${indicator?.id}/targets`, {
      period: "2026/27",
      baseline: "3",
      target: "6",
    });
    await send(manager, `/investment/strategy/indicators/${indicator?.id}/targets`, {
      period: "2027/28",
      target: "8",
    });
    const noTarget = await send(manager, `/investment/strategy/indicators/${indicator?.id}/targets`, {
      period: "2028/29",
    });
    await expectRefused(noTarget, "Enter the target as a number");
    const after = await find();
    expect(after?.level).toBe("business");
    expect(after?.targets.map((t) => [t.period, t.baseline, t.target])).toEqual([
      ["2026/27", 3, 6],
      ["2027/28", null, 8],
    ]);
    expect(await auditCount(indicator?.id ?? "", "update")).toBe(2);
  });
});

describe("the same edits over the API", () => {
  const call = (path: string, body: unknown) =>
    app.request(`/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("answers the LIFE matrix, adds a steering member, and refuses bad input with the field", async () => {
    const life = await call(`/investment/projects/${projectId}/life`, {
      need: "no",
      bestPlaced: "yes",
      canResource: "yes",
    });
    expect(life.status).toBe(200);
    expect(await life.json()).toEqual({ lifeRole: "exit" });
    const bad = await call(`/investment/projects/${projectId}/steering`, { name: "Sam", localPerson: true });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("the member's role");
    const member = await call(`/investment/projects/${projectId}/steering`, {
      name: "Sam",
      role: "Treasurer",
      localPerson: true,
    });
    expect(member.status).toBe(200);
    expect((await getProject(database.db, managerActor, projectId)).steering.map((m) => m.name)).toContain(
      "Sam",
    );
    expect(
      (await call("/investment/projects/not-an-id/life", { need: "no", bestPlaced: "no", canResource: "no" }))
        .status,
    ).toBe(404);
  });
});
