import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { highRiskAnswers, makeHomes, makePerson, makeTenantUser, medway } from "../testing/fixtures.ts";

// The officer's and the tenant's journeys over HTTP, as a browser without JavaScript would make them.

let database: Database;
let officer: TestBrowser;
let tenant: TestBrowser;
let board: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const [homeId] = await makeHomes(database, organisationId, medway, 2, 9100, "Heron Court");
  const personId = await makePerson(database, organisationId, "Sam", "Turner", homeId);
  await addUser(database, organisationId, "officer", "officer@example.org");
  await addUser(database, organisationId, "read-only", "board@example.org");
  await makeTenantUser(database, organisationId, personId, "Sam Turner", "sam@example.org");
  const app = await buildTestApp(database);
  officer = new TestBrowser(app);
  tenant = new TestBrowser(app);
  board = new TestBrowser(app);
  await officer.signIn("officer@example.org");
  await tenant.signIn("sam@example.org");
  await board.signIn("board@example.org");
});

afterAll(async () => {
  await database.close();
});

const caseIdFrom = (response: Response) =>
  /\/safety\/cases\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")?.[1] ?? "";

describe("tenant report and officer case journey", () => {
  it("takes a report through the question pages, triage, assessment, actions, a letter and closure", async () => {
    const steps: Record<string, string>[] = [
      { step: "what", category: "harassment" },
      { step: "hate", category: "harassment", hateStrand: "race" },
      {
        step: "when",
        category: "harassment",
        hateStrand: "race",
        "happenedOn-day": "10",
        "happenedOn-month": "6",
        "happenedOn-year": "2026",
      },
      { step: "where", category: "harassment", hateStrand: "race", happenedOn: "2026-06-10", where: "home" },
      {
        step: "details",
        category: "harassment",
        hateStrand: "race",
        happenedOn: "2026-06-10",
        where: "home",
        description: "Shouting racist abuse at my door",
      },
    ];
    const missing = await tenant.post(
      "/report",
      { step: "what" },
      { csrf: await tenant.csrfToken("/report") },
    );
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Select what you want to report");
    for (const fields of steps) {
      const page = await tenant.post("/report", fields, { csrf: await tenant.csrfToken("/report") });
      expect(page.status).toBe(200);
    }
    const sent = await tenant.post(
      "/report",
      {
        step: "check",
        send: "yes",
        category: "harassment",
        hateStrand: "race",
        happenedOn: "2026-06-10",
        where: "home",
        locationDescription: "",
        description: "Shouting racist abuse at my door",
      },
      { csrf: await tenant.csrfToken("/report") },
    );
    expect(sent.status).toBe(303);
    expect(await (await tenant.get("/my-cases")).text()).toContain("Waiting for an officer");

    const pending = await (await officer.get("/safety/pending")).text();
    const reportId = /\/safety\/pending\/([0-9a-f-]{36})/.exec(pending)?.[1] ?? "";
    expect(reportId).not.toBe("");
    const token = await officer.csrfToken(`/safety/pending/${reportId}`);
    const opened = await officer.post(
      `/safety/pending/${reportId}`,
      { decision: "open-case", perpetratorName: "Lee Grant" },
      { csrf: token },
    );
    expect(opened.status).toBe(303);
    const caseId = caseIdFrom(opened);
    const casePage = await (await officer.get(`/safety/cases/${caseId}`)).text();
    expect(casePage).toContain("Hate incident (race)");
    expect(casePage).toContain("Lee Grant");

    const assess = await officer.post(`/safety/cases/${caseId}/assess`, highRiskAnswers, {
      csrf: await officer.csrfToken(`/safety/cases/${caseId}/assess`),
    });
    expect(assess.status).toBe(303);
    const badAction = await officer.post(
      `/safety/cases/${caseId}/actions/new`,
      { actionType: "abc" },
      { csrf: await officer.csrfToken(`/safety/cases/${caseId}/actions/new`) },
    );
    expect(badAction.status).toBe(422);
    expect(await badAction.text()).toContain("Enter the terms");
    const abc = await officer.post(
      `/safety/cases/${caseId}/actions/new`,
      {
        actionType: "abc",
        terms: "No contact with the complainant",
        "keyDate-day": "1",
        "keyDate-month": "9",
        "keyDate-year": "2026",
        published: "yes",
      },
      { csrf: await officer.csrfToken(`/safety/cases/${caseId}/actions/new`) },
    );
    expect(abc.status).toBe(303);
    const file = await (await officer.get(`/safety/cases/${caseId}`)).text();
    const partyId =
      /name="partyId"[^>]*value="([0-9a-f-]{36})"/.exec(
        await (await officer.get(`/safety/cases/${caseId}/letters/new`)).text(),
      )?.[1] ?? "";
    expect(file).toContain("Acceptable behaviour agreement");
    const letter = await officer.post(
      `/safety/cases/${caseId}/letters/new`,
      { templateCode: "acknowledgement", partyId },
      { csrf: await officer.csrfToken(`/safety/cases/${caseId}/letters/new`) },
    );
    expect(letter.status).toBe(303);
    const withLetter = await (await officer.get(`/safety/cases/${caseId}`)).text();
    const documentPath =
      /href="(\/safety\/cases\/[0-9a-f-]{36}\/documents\/[0-9a-f-]{36})"/.exec(withLetter)?.[1] ?? "";
    const pdf = await officer.get(documentPath);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");

    const personLink = /href="(\/safety\/people\/[^"]+)"/.exec(file)?.[1] ?? "";
    const history = await officer.get(personLink);
    expect(history.status).toBe(200);
    expect(await history.text()).toContain("1 incidents as complainant");
    const portal = await (await tenant.get(`/my-cases/${caseId}`)).text();
    expect(portal).toContain("Acceptable behaviour agreement");
    expect(portal).not.toContain("Lee Grant");

    const closeForm = await (await officer.get(`/safety/cases/${caseId}/close`)).text();
    const openActions = [
      ...closeForm.matchAll(/name="(action-[0-9a-f-]{36})" type="radio" value="completed"/g),
    ].map((m) => m[1] ?? "");
    expect(openActions.length).toBeGreaterThan(0);
    const closing = { outcome: "resolved", reason: "Agreement kept", note: "Resolved after the agreement" };
    const undecided = await officer.post(`/safety/cases/${caseId}/close`, closing, {
      csrf: await officer.csrfToken(`/safety/cases/${caseId}/close`),
    });
    expect(undecided.status).toBe(422);
    expect(await undecided.text()).toContain("was completed or cancelled");
    const closed = await officer.post(
      `/safety/cases/${caseId}/close`,
      { ...closing, ...Object.fromEntries(openActions.map((name) => [name, "completed"])) },
      { csrf: await officer.csrfToken(`/safety/cases/${caseId}/close`) },
    );
    expect(closed.status).toBe(303);
    expect(await (await officer.get(`/safety/cases/${caseId}`)).text()).toContain("Resolved");
  });

  it("opens a case from the officer's form and refuses one with no parties", async () => {
    const token = await officer.csrfToken("/safety/cases/new");
    const music = {
      category: "noise",
      locationType: "home",
      uprn: "9100",
      summary: "Music",
      "openedOn-day": "1",
      "openedOn-month": "6",
      "openedOn-year": "2026",
    };
    const bad = await officer.post("/safety/cases/new", { ...music, perpetratorName: "" }, { csrf: token });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter the party&#39;s name");
    const form = { ...music, complainantName: "Ann Lee" };
    const good = await officer.post("/safety/cases/new", form, { csrf: token });
    expect(good.status).toBe(303);
    const caseId = caseIdFrom(good);
    const addParty = async (party: Record<string, string>) =>
      (await officer.post(`/safety/cases/${caseId}/parties/new`, party, { csrf: token })).status;
    expect(await addParty({ role: "witness" })).toBe(422);
    expect(await addParty({ role: "witness", name: "Wendy Wray" })).toBe(303);
    expect(await addParty({ role: "household-member", name: "Harry Lee" })).toBe(303);
    expect(
      (await officer.post(`/safety/cases/${caseId}/status`, { status: "bogus" }, { csrf: token })).status,
    ).toBe(422);
    expect(
      (await officer.post(`/safety/cases/${caseId}/status`, { status: "investigating" }, { csrf: token }))
        .status,
    ).toBe(303);
    const page = await (await officer.get(`/safety/cases/${caseId}`)).text();
    expect(page).toContain("Wendy Wray");
    expect(page).toContain("Harry Lee");
    expect(page).toContain("Investigating");
  });

  it("shows the lists and reports, and keeps case records from the board", async () => {
    for (const path of [
      "/safety",
      "/safety?state=all&hate=yes&sort=reference&dir=asc",
      "/safety/pending",
      "/safety/nm01?from=2026-04-01&to=2027-03-31",
      "/safety/annual-report?from=2026-04-01&to=2027-03-31",
    ]) {
      expect((await officer.get(path)).status, path).toBe(200);
    }
    const csv = await officer.get("/safety/annual-report.csv?from=2026-04-01&to=2027-03-31");
    expect(await csv.text()).toContain("cases,opened,");
    expect((await board.get("/safety/nm01")).status).toBe(200);
    expect((await board.get("/safety")).status).toBe(403);
    expect((await tenant.get("/safety")).status).toBe(403);
    expect((await officer.get("/safety/cases/00000000-0000-7000-8000-000000000000")).status).toBe(404);
  });
});
