import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { expectRefused } from "../../../../test/refused-form.ts";
import { createUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { createTheme } from "../../investment/index.ts";
import { createPerson } from "../../people/index.ts";
import { createHome } from "../../places/index.ts";
import { createProcess } from "../commands/create-process.ts";
import { advancePhase } from "../commands/manage-process.ts";
import { answerProposalStep, startProposal, submitProposal } from "../commands/proposals.ts";
import { reviewProposal } from "../commands/review-proposal.ts";
import { listProposals } from "../queries/processes.ts";

const form = {
  title: "Points fund",
  areaKind: "all",
  eligibility: "residents",
  minimumAge: "16",
  ballotKind: "cumulative",
  pointsTotal: "10",
  rule: "greedy",
  proposalsOpen: "2026-06-01",
  reviewOpen: "2026-06-02",
  votingOpen: "2026-06-03",
  votingClose: "2026-06-30",
  resultsDate: "2026-07-01",
  budget1Name: "Estate",
  budget1Amount: "1000",
};

describe("budgeting pages", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let orgId: string;
  let otherOrgId: string;
  let processId: string;
  let residentId: string;
  const officer = () => actorFor(orgId, "officer");
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    orgId = (await makeOrganisation(database.db, "Ours")).id;
    otherOrgId = (await makeOrganisation(database.db, "Theirs")).id;
    await addUser(database, orgId, "officer", "officer@ours.example");
    await addUser(database, orgId, "tenant", "tenant@ours.example");
    await addUser(database, otherOrgId, "officer", "officer@theirs.example");
    residentId = (
      await createPerson(database.db, officer(), testNow, {
        givenName: "Ada",
        familyName: "Vote",
        dateOfBirth: "1970-01-01",
        personType: "tenant",
        confirmNotDuplicate: "yes",
      })
    ).id;
    await createUser(database.db, actorFor(orgId, "organisation-admin"), testNow, {
      organisationId: orgId,
      email: "resident@ours.example",
      name: "Ada Vote",
      role: "tenant",
      password: "correct horse battery staple",
      personId: residentId,
    });
    processId = (await createProcess(database.db, officer(), testNow, form)).id;
    const proposer = actorFor(orgId, "tenant");
    for (const [title, cost] of [
      ["Swings", "600"],
      ["Benches", "500"],
      ["Bins", "300"],
    ]) {
      const draft = await startProposal(database.db, proposer, testNow, processId);
      for (const [step, input] of [
        ["title", { title }],
        ["description", { description: title }],
        ["location", { location: "Green" }],
        ["cost", { estimatedCostPence: cost }],
        ["category", { category: "Other" }],
      ] as const)
        await answerProposalStep(database.db, proposer, testNow, processId, draft.id, step, input);
      await submitProposal(database.db, proposer, testNow, processId, draft.id);
    }
    await advancePhase(database.db, officer(), testNow, processId, "proposals");
    for (const p of await listProposals(database.db, orgId, processId)) {
      ids[p.title] = p.id;
      await reviewProposal(database.db, officer(), testNow, processId, p.id, {
        decision: "feasible",
        finalCostPence: String((p.estimatedCostPence ?? 0) / 100),
      });
    }
    await advancePhase(database.db, officer(), testNow, processId, "review");
  });
  afterAll(async () => database.close());

  const signedIn = async (email: string) => {
    const browser = new TestBrowser(app);
    await browser.signIn(email);
    return browser;
  };
  const publicPath = () => `/pb/${orgId}/${processId}`;

  it("shows the process to staff, refuses residents the staff pages, and hides it from another organisation", async () => {
    const staff = await signedIn("officer@ours.example");
    expect(await (await staff.get("/budgeting")).text()).toContain("Points fund");
    const tenant = await signedIn("tenant@ours.example");
    expect((await tenant.get("/budgeting")).status).toBe(403);
    const participate = await tenant.get("/participate");
    expect(participate.headers.get("location")).toBe(`/pb/${orgId}`);
    expect(await (await tenant.get(`/pb/${orgId}`)).text()).toContain("Points fund");
    const theirPage = await tenant.get(`/pb/${otherOrgId}`);
    expect(theirPage.status).toBe(200);
    expect(await theirPage.text()).not.toContain("Points fund");
    const other = await signedIn("officer@theirs.example");
    expect((await other.get(`/budgeting/${processId}`)).status).toBe(404);
    expect((await other.get(`/pb/${otherOrgId}/${processId}`)).status).toBe(404);
    expect((await other.get(`/budgeting/${processId}/export.pb`)).status).toBe(404);
  });

  it("refuses a process form with mistakes and says what to fix", async () => {
    const staff = await signedIn("officer@ours.example");
    const response = await staff.post(
      "/budgeting/new",
      { ...form, title: "", budget1Amount: "-5" },
      { csrf: await staff.csrfToken("/budgeting/new") },
    );
    await expectRefused(response, "govuk-error-summary", "Enter a title");
  });

  it("lets a resident with a voting code share points, change them, and never over-spend points", async () => {
    const staff = await signedIn("officer@ours.example");
    const issued = await staff.post(
      `/budgeting/${processId}/codes`,
      { personId: residentId },
      { csrf: await staff.csrfToken(`/budgeting/${processId}`) },
    );
    const code = /<strong>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})<\/strong>/.exec(await issued.text())?.[1];
    expect(code).toBeDefined();

    const voter = new TestBrowser(app);
    const start = await voter.get(`${publicPath()}/vote`);
    expect(await start.text()).toContain("Voting code");
    const wrong = await voter.post(
      `${publicPath()}/code`,
      { code: "ZZZZ-ZZZZ-ZZ" },
      { csrf: await voter.csrfToken(`${publicPath()}/vote`) },
    );
    expect(wrong.status).toBe(422);
    const right = await voter.post(
      `${publicPath()}/code`,
      { code: code ?? "" },
      { csrf: await voter.csrfToken(`${publicPath()}/vote`) },
    );
    expect(right.status).toBe(303);
    const csrf = await voter.csrfToken(`${publicPath()}/vote`);
    const over = await voter.post(
      `${publicPath()}/vote`,
      { [`points-${ids.Swings}`]: "8", [`points-${ids.Bins}`]: "5" },
      { csrf },
    );
    await expectRefused(over, "you only have 10");
    expect(
      (
        await voter.post(
          `${publicPath()}/vote`,
          { [`points-${ids.Swings}`]: "7", [`points-${ids.Bins}`]: "3" },
          { csrf },
        )
      ).status,
    ).toBe(303);
    expect(
      (
        await voter.post(
          `${publicPath()}/vote`,
          { [`points-${ids.Benches}`]: "6", [`points-${ids.Bins}`]: "4" },
          { csrf },
        )
      ).status,
    ).toBe(303);
    const ballots = await database.query<{ n: number; points: number }>(
      "SELECT count(DISTINCT b.id)::int AS n, sum(c.points)::int AS points FROM pb_ballot b JOIN pb_ballot_choice c ON c.ballot_id = b.id WHERE b.process_id = $1",
      [processId],
    );
    expect(ballots[0]).toEqual({ n: 1, points: 10 });
    // The same resident signed in is the same voter: they change their ballot, they do not add one.
    const resident = await signedIn("resident@ours.example");
    const page = await (await resident.get(`${publicPath()}/vote`)).text();
    expect(page).toContain("You have already voted");
    expect(page).toContain(`name="points-${ids.Benches}" type="text" inputmode="numeric" value="6"`);
  });

  it("enters a paper ballot once, then closes voting, refuses late votes and publishes the results", async () => {
    const staff = await signedIn("officer@ours.example");
    const paperCsrf = await staff.csrfToken(`/budgeting/${processId}/paper`);
    const budget =
      /name="budgetId" value="([0-9a-f-]+)"/.exec(
        await (await staff.get(`/budgeting/${processId}/paper`)).text(),
      )?.[1] ?? "";
    const paper = { budgetId: budget, paperReference: "0007", [`points-${ids.Swings}`]: "10" };
    expect((await staff.post(`/budgeting/${processId}/paper`, paper, { csrf: paperCsrf })).status).toBe(303);
    const again = await staff.post(`/budgeting/${processId}/paper`, paper, { csrf: paperCsrf });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already been entered");

    const anonymous = new TestBrowser(app);
    expect((await anonymous.get(`${publicPath()}/results`)).status).toBe(404);
    const closed = await staff.post(
      `/budgeting/${processId}/phase`,
      { expected: "voting" },
      { csrf: await staff.csrfToken(`/budgeting/${processId}`) },
    );
    expect(closed.status).toBe(303);

    const resident = await signedIn("resident@ours.example");
    const late = await resident.post(
      `${publicPath()}/vote`,
      { [`points-${ids.Bins}`]: "1" },
      { csrf: await resident.csrfToken(`${publicPath()}`) },
    );
    expect(late.status).toBe(409);

    const results = await (await anonymous.get(`${publicPath()}/results`)).text();
    // Points: Swings 17, Benches 6, Bins 4; £1,000 budget: Swings (£600) then Bins (£300) fit, Benches (£500) does not.
    expect(results).toContain("Greedy by points");
    const funded = /Funded projects[\s\S]*?<\/table>/.exec(results)?.[0] ?? "";
    expect(funded).toContain("Swings");
    expect(funded).toContain("Bins");
    expect(funded).not.toContain("Benches");
    expect(results).toContain("<svg");
  });

  it("turns the winners into investment projects once and links them from the results page for staff", async () => {
    await createTheme(database.db, actorFor(orgId, "manager"), testNow, {
      code: "places",
      name: "Better places",
    });
    await createHome(database, officer(), testNow, {
      uprn: "100000000009",
      addressLine1: "9 Hop Garden Way",
      town: "Chatham",
      postcode: "ME4 5AB",
      tenure: "social-rent",
      laCode: "E06000035",
    });
    const staff = await signedIn("officer@ours.example");
    const csrf = await staff.csrfToken(`/budgeting/${processId}`);
    for (let i = 0; i < 2; i++) {
      const made = await staff.post(`/budgeting/${processId}/investment`, {}, { csrf });
      expect(made.status).toBe(303);
      expect(made.headers.get("location")).toBe(`/budgeting/${processId}?done=invested`);
    }
    const projects = await database.query<{ name: string }>(
      "SELECT name FROM project WHERE organisation_id = $1 ORDER BY name",
      [orgId],
    );
    expect(projects.map((p) => p.name)).toEqual(["Bins", "Swings"]);
    const staffResults = await (await staff.get(`${publicPath()}/results`)).text();
    expect(staffResults.match(/href="\/investment\/projects\/[0-9a-f-]+"/g)?.length).toBe(2);
    const publicResults = await (await new TestBrowser(app).get(`${publicPath()}/results`)).text();
    expect(publicResults).not.toContain("/investment/projects/");
  });

  it("serves the results as JSON and the process as a pabulib file for staff", async () => {
    const staff = await signedIn("officer@ours.example");
    const response = await staff.get(`/api/v1/budgeting/processes/${processId}/results`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { selected: { title: string }[]; totalCostPence: number }[];
    };
    expect(body.items[0].selected.map((s) => s.title)).toEqual(["Swings", "Bins"]);
    expect(body.items[0].totalCostPence).toBe(90_000);
    const tenant = await signedIn("tenant@ours.example");
    expect((await tenant.get(`/api/v1/budgeting/processes/${processId}/results`)).status).toBe(403);
    // Points ballots are written as pabulib cumulative votes, with a points column.
    const exported = await staff.get(`/budgeting/${processId}/export.pb`);
    expect(exported.status).toBe(200);
    const file = await exported.text();
    expect(file).toContain("vote_type;cumulative");
    expect(file).toContain("voter_id;vote;points");
  });

  it("serves the live budget bar as a same-origin script", async () => {
    const response = await new TestBrowser(app).get("/budgeting/assets/budget-bar.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("javascript");
    expect(await response.text()).toContain("budget-total");
  });
});
