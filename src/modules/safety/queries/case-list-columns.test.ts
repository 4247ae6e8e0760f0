import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import { actorForUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import { openCase } from "../commands/open-case.ts";
import { recordAction } from "../commands/record-action.ts";
import { recordAssessment } from "../commands/record-assessment.ts";
import { highRiskAnswers, makeHomes, medway } from "../testing/fixtures.ts";
import { type CaseFilters, listCases } from "./list-cases.ts";

// The case list's columns and filters: address, risk, lead officer and next action due.

let database: Database;
let ann: Actor;
let ben: Actor;
let browser: TestBrowser;
const refs: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };

const highAnswers = highRiskAnswers;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const [heronHome = ""] = await makeHomes(database, organisationId, medway, 1, 4400, "Heron Court");
  const [millHome = ""] = await makeHomes(database, organisationId, medway, 1, 4500);
  ann = actorForUser(await addUser(database, organisationId, "officer", "ann@example.org"));
  ben = actorForUser(await addUser(database, organisationId, "officer", "ben@example.org"));
  const open = (actor: Actor, input: Partial<Parameters<typeof openCase>[3]>) =>
    openCase(database.db, actor, testNow, {
      category: "noise",
      locationType: "home",
      summary: "Music",
      openedOn: "2026-06-01",
      parties: [{ role: "complainant", name: "Ruth Ashby" }],
      ...input,
    });
  const a = await open(ann, { homeId: heronHome });
  const b = await open(ben, { homeId: millHome });
  const c = await open(ann, {
    locationType: "open-space",
    locationDescription: "Heron Park",
    laCode: medway,
  });
  refs.a = a.reference;
  refs.b = b.reference;
  refs.c = c.reference;
  await recordAssessment(database.db, ann, testNow, a.id, { answers: highAnswers });
  // Advice is due 5 days after it starts: A's was started weeks ago (overdue), B's today (due this week).
  await recordAction(database.db, ann, new Date("2026-06-01T10:00:00Z"), a.id, { actionType: "advice" });
  await recordAction(database.db, ben, testNow, b.id, { actionType: "advice" });
  browser = new TestBrowser(await buildTestApp(database));
  await browser.signIn("ann@example.org");
});
afterAll(async () => database.close());

const references = async (filters: CaseFilters) =>
  (await listCases(database.db, ann, { ...filters, today: "2026-06-15" })).rows
    .map((r) => r.reference)
    .sort();

describe("case list columns and filters", () => {
  it("gives each case its risk band, lead officer and next action due", async () => {
    const { rows } = await listCases(database.db, ann, { sort: "reference", dir: "asc" });
    expect(rows.map((r) => [r.reference, r.riskBand, r.leadOfficerName, r.nextActionDue])).toEqual([
      [refs.a, "high", "Test officer", "2026-06-06"],
      [refs.b, null, "Test officer", "2026-06-20"],
      [refs.c, null, "Test officer", null],
    ]);
  });

  it("filters by risk, including cases never assessed", async () => {
    expect(await references({ risk: "high" })).toEqual([refs.a]);
    expect(await references({ risk: "none" })).toEqual([refs.b, refs.c]);
  });

  it("filters by lead officer", async () => {
    expect(await references({ leadOfficerId: ben.kind === "user" ? ben.userId : "" })).toEqual([refs.b]);
  });

  it("filters by the next open action's due date", async () => {
    expect(await references({ due: "overdue" })).toEqual([refs.a]);
    expect(await references({ due: "week" })).toEqual([refs.a, refs.b]);
    expect(await references({ due: "none" })).toEqual([refs.c]);
  });

  it("filters by address on the page: homes found by the address search, and blocks or places named", async () => {
    const response = await browser.get("/safety?address=heron");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(refs.a);
    expect(page).toContain(refs.c);
    expect(page).not.toContain(refs.b);
    expect(page).toContain("4400 Test Street, Testtown, ME1 1AA");
    expect(page).toContain("Overdue");
  });

  it("refuses an address filter shorter than two characters, and takes % literally", async () => {
    const short = await browser.get("/safety?address=h");
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Enter at least 2 characters of the address or postcode");
    const wildcard = await (await browser.get("/safety?address=%25%25")).text();
    expect(wildcard).toContain("0 cases");
  });
});
