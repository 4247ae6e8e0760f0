import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser, testPassword } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { crawlAreas, getRoutes } from "../../../../test/route-crawl.ts";
import { type Role, roles, systemActor } from "../../../platform/access/actor.ts";
import { createUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { shareWithAgency, stopSharing } from "../commands/agency-sharing.ts";
import { saveCampaign } from "../commands/campaigns.ts";
import { generateLetter } from "../commands/letters.ts";
import { markHotSpotCampaign } from "../commands/mark-hot-spot-campaign.ts";
import { openCase } from "../commands/open-case.ts";
import { recordFurtherReport } from "../commands/record-report.ts";
import { getCase } from "../queries/get-case.ts";
import { submitPortalReport } from "../testing/cases.ts";
import { makeAgencyUser, makeHomes, makePerson, medway } from "../testing/fixtures.ts";

// Issue 18 item 6: every safety page read (GET) runs the same policy check as the form it belongs to.
// This walks every GET route as every role (and signed out) and compares with who may see what.

type Who = Role | "signed-out";
const everyone: Who[] = ["signed-out", ...roles];
const caseWorkers: Who[] = ["platform-admin", "organisation-admin", "manager", "officer"];
const managers: Who[] = ["platform-admin", "organisation-admin", "manager"];
const staff: Who[] = [...caseWorkers, "read-only"];
const reporters: Who[] = [...caseWorkers, "tenant", "partner-agency"];

let database: Database;
let app: Hono<AppEnv>;
const browsers = new Map<Who, TestBrowser>();
const ids = {
  caseId: "",
  reference: "",
  stoppedCaseId: "",
  stoppedReference: "",
  reportId: "",
  documentId: "",
  reviewId: "",
  campaignId: "",
  hotSpotCampaignId: "",
  personId: "",
  letterCode: "",
};

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 7700);
  ids.personId = await makePerson(database, organisationId, "Ruth", "Ashby", homeId);
  const policeId = await makeAgencyUser(
    database,
    organisationId,
    "Kent Police",
    "partner-agency@example.org",
  );
  await createUser(database.db, systemActor(organisationId), testNow, {
    organisationId,
    email: "tenant@example.org",
    name: "Ruth Ashby",
    role: "tenant",
    password: testPassword,
    personId: ids.personId,
  });
  for (const role of roles)
    if (role !== "tenant" && role !== "partner-agency")
      await addUser(database, organisationId, role, `${role}@example.org`);

  const officer = actorFor(organisationId, "officer");
  const open = (summary: string) =>
    openCase(database.db, officer, testNow, {
      category: "hate-incident",
      hateStrand: "race",
      locationType: "home",
      homeId,
      summary,
      openedOn: "2026-06-01",
      parties: [
        { role: "complainant", personId: ids.personId },
        { role: "alleged-perpetrator", name: "Dora Quill" },
      ],
    });
  const shared = await open("Abuse shouted at the door");
  const stopped = await open("Graffiti on the fence");
  ids.caseId = shared.id;
  ids.reference = shared.reference;
  ids.stoppedCaseId = stopped.id;
  ids.stoppedReference = stopped.reference;
  const share = (caseId: string) =>
    shareWithAgency(database.db, officer, testNow, caseId, {
      partnerOrganisationId: policeId,
      agencyName: "",
      lawfulBasis: "Crime and Disorder Act 1998 s115",
      purpose: "Joint work",
      sharedParts: ["summary"],
      expiresOn: null,
    });
  await share(shared.id);
  await stopSharing(database.db, officer, testNow, stopped.id, await share(stopped.id));
  // A second report on a hate incident meets the Community Trigger threshold, which opens a review.
  await recordFurtherReport(database.db, officer, testNow, shared.id, {
    reportedOn: "2026-06-10",
    description: "It happened again",
  });
  const file = await getCase(database.db, officer, testNow, shared.id);
  ids.reviewId = file.triggerReviews[0]?.id ?? "";
  const complainant = file.parties.find((p) => p.role === "complainant");
  ids.letterCode = "warning";
  ids.documentId = await generateLetter(database.db, officer, testNow, shared.id, {
    templateCode: ids.letterCode,
    partyId: complainant?.id ?? "",
  });
  const tenant = actorFor(organisationId, "tenant", { personId: ids.personId });
  ids.reportId = (
    await submitPortalReport(database, tenant, {
      category: "noise",
      description: "Music all night",
      happenedOn: "2026-06-12",
      homeId,
    })
  ).id;
  ids.campaignId = (
    await saveCampaign(database.db, actorFor(organisationId, "manager"), testNow, null, {
      name: "Safer streets",
      topic: "Knife crime",
      startedOn: "2026-05-01",
      peopleReached: 120,
    })
  ).id;

  ids.hotSpotCampaignId = (
    await markHotSpotCampaign(database.db, actorFor(organisationId, "manager"), testNow, {
      area: `district:${medway}`,
      campaignType: "cctv",
      startedOn: "2026-06-01",
      endedOn: null,
      note: null,
    })
  ).id;

  app = await buildTestApp(database);
  for (const who of everyone) {
    const browser = new TestBrowser(app);
    if (who !== "signed-out") {
      const signedIn = await browser.signIn(`${who}@example.org`);
      if (signedIn.status !== 303) throw new Error(`${who} could not sign in`);
    }
    browsers.set(who, browser);
  }
});

afterAll(async () => {
  await database.close();
});

/** Every GET route of the safety pages, with who may open it. */
function routeTable(): { path: string; allowed: Who[] }[] {
  const base = `/safety/cases/${ids.caseId}`;
  const caseForms = [
    "assess",
    "actions/new",
    "reports/new",
    "notes/new",
    "close",
    "publication",
    "letters/new",
    "share",
    "parties/new",
    "status",
    "reopen",
    "same-matter",
  ];
  return [
    { path: "/safety", allowed: caseWorkers },
    { path: "/safety/pending", allowed: caseWorkers },
    { path: `/safety/pending/${ids.reportId}`, allowed: caseWorkers },
    { path: `/safety/people/${ids.personId}`, allowed: caseWorkers },
    { path: "/safety/cases/new", allowed: caseWorkers },
    { path: base, allowed: caseWorkers },
    ...caseForms.map((form) => ({ path: `${base}/${form}`, allowed: caseWorkers })),
    { path: `${base}/trigger/${ids.reviewId}`, allowed: caseWorkers },
    { path: `${base}/documents/${ids.documentId}`, allowed: caseWorkers },
    { path: "/safety/nm01", allowed: staff },
    { path: "/safety/nm01.csv", allowed: staff },
    { path: "/safety/nm01/cases.csv", allowed: staff },
    { path: "/safety/hot-spots", allowed: staff },
    { path: "/safety/hot-spots/campaigns/new", allowed: managers },
    { path: `/safety/hot-spots/campaigns/${ids.hotSpotCampaignId}`, allowed: staff },
    { path: "/safety/annual-report", allowed: staff },
    { path: "/safety/annual-report.csv", allowed: staff },
    { path: "/safety/campaigns", allowed: staff },
    { path: "/safety/satisfaction", allowed: staff },
    { path: "/safety/campaigns/new", allowed: managers },
    { path: `/safety/campaigns/${ids.campaignId}`, allowed: managers },
    { path: "/safety/retention", allowed: managers },
    { path: `/safety/subject-access/${ids.personId}`, allowed: managers },
    { path: "/safety/letters", allowed: caseWorkers },
    { path: `/safety/letters/${ids.letterCode}`, allowed: managers },
    { path: "/safety/settings", allowed: managers },
    { path: "/safety/settings/thresholds", allowed: managers },
    { path: "/safety/settings/workflows/asb", allowed: managers },
    { path: "/safety/settings/categories/new", allowed: managers },
    { path: "/safety/settings/categories/noise", allowed: managers },
    { path: "/safety/risk-matrices", allowed: managers },
    { path: "/safety/risk-matrices/1", allowed: managers },
    { path: "/safety/risk-matrices/new", allowed: managers },
    { path: "/report", allowed: reporters },
    { path: "/report/sent", allowed: reporters },
    { path: "/my-cases", allowed: ["tenant"] },
    { path: `/my-cases/${ids.caseId}`, allowed: ["tenant"] },
    { path: `/my-cases/${ids.caseId}/satisfaction`, allowed: ["tenant"] },
    { path: "/safety/shared", allowed: ["partner-agency"] },
    { path: `/safety/shared/${ids.caseId}`, allowed: ["partner-agency"] },
    // The share on this case was stopped: nobody outside the team sees it any more.
    { path: `/safety/shared/${ids.stoppedCaseId}`, allowed: [] },
    ...caseForms.map((form) => ({
      path: `/safety/cases/${ids.stoppedCaseId}/${form}`,
      allowed: caseWorkers,
    })),
  ];
}

describe("safety pages checked on GET", () => {
  it("answers every safety GET route for every role exactly as the table allows", async () => {
    const wrong: string[] = [];
    for (const { path, allowed } of routeTable()) {
      for (const who of everyone) {
        const response = await (browsers.get(who) as TestBrowser).get(path);
        const body = await response.text();
        const may = allowed.includes(who);
        if (may && response.status !== 200)
          wrong.push(`${who} GET ${path}: ${response.status}, expected 200`);
        if (!may && response.status === 200) wrong.push(`${who} GET ${path}: 200, expected a refusal`);
        if (!may && [ids.reference, ids.stoppedReference].some((ref) => body.includes(ref)))
          wrong.push(`${who} GET ${path}: shows a case reference`);
      }
    }
    expect(wrong).toEqual([]);
    // About 600 page requests: a generous limit for a shared, busy machine (not a speed target).
  }, 600_000);

  it("has a row for every GET route under /safety, /my-cases and /report", () => {
    const safetyPrefixes = crawlAreas.elsewhere.filter((prefix) => !["/api", "/assets"].includes(prefix));
    const paths = routeTable().map((row) => row.path);
    const pattern = (route: string) =>
      new RegExp(`^${route.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, "[^/]+").replace(/\./g, "\\.")}$`);
    // A pending report's evidence has its own test below (no evidence is attached to the report).
    const ownTest = "/safety/pending/:id/evidence/:documentId";
    const without = getRoutes(app, safetyPrefixes).filter(
      (route) => route !== ownTest && !paths.some((path) => pattern(route).test(path)),
    );
    expect(without).toEqual([]);
  });

  it("refuses a staff case form with 403 before looking the case up, so a made-up id also gives 403", async () => {
    const tenant = browsers.get("tenant") as TestBrowser;
    const made = await tenant.get("/safety/cases/00000000-0000-7000-8000-000000000000/close");
    expect(made.status).toBe(403);
    const real = await tenant.get(`/safety/cases/${ids.caseId}/close`);
    expect(real.status).toBe(403);
  });

  it("opens a pending report's evidence only to case workers, refusing others before any look-up", async () => {
    const path = `/safety/pending/${ids.reportId}/evidence/00000000-0000-7000-8000-000000000000`;
    const answers: string[] = [];
    for (const who of everyone)
      answers.push(`${who} ${(await (browsers.get(who) as TestBrowser).get(path)).status}`);
    // No evidence is attached: case workers get 404; everyone else is refused (303 to sign in, or 403).
    expect(answers).toEqual(
      everyone.map((who) => `${who} ${who === "signed-out" ? 303 : caseWorkers.includes(who) ? 404 : 403}`),
    );
  });

  it("gives an officer 404 for a Community Trigger review that does not exist", async () => {
    const officer = browsers.get("officer") as TestBrowser;
    const response = await officer.get(
      `/safety/cases/${ids.caseId}/trigger/00000000-0000-7000-8000-000000000000`,
    );
    expect(response.status).toBe(404);
  });
});
