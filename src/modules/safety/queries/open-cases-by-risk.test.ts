import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import { actorForUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import { closeCase } from "../commands/close-case.ts";
import { openCase } from "../commands/open-case.ts";
import { recordAssessment } from "../commands/record-assessment.ts";
import { highRiskAnswers } from "../testing/fixtures.ts";
import { openCasesByRisk } from "./open-cases-by-risk.ts";

// Open cases by their latest risk band: the board's home figure, with links for case workers.

let database: Database;
let officer: Actor;
let board: Actor;
let tenant: Actor;
let otherOfficer: Actor;

const open = (actor: Actor) =>
  openCase(database.db, actor, testNow, {
    category: "noise",
    locationType: "open-space",
    locationDescription: "Heron Park",
    summary: "Music",
    openedOn: "2026-06-01",
    parties: [{ role: "complainant", name: "Ruth Ashby" }],
  });

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  officer = actorForUser(await addUser(database, organisationId, "officer", "risk-officer@example.org"));
  board = actorForUser(await addUser(database, organisationId, "read-only", "risk-board@example.org"));
  tenant = actorForUser(await addUser(database, organisationId, "tenant", "risk-tenant@example.org"));
  otherOfficer = actorForUser(await addUser(database, otherId, "officer", "risk-other@example.org"));
  const high = await open(officer);
  await recordAssessment(database.db, officer, testNow, high.id, { answers: highRiskAnswers });
  await open(officer);
  const closed = await open(officer);
  await recordAssessment(database.db, officer, testNow, closed.id, { answers: highRiskAnswers });
  const actions = await database.query<{ id: string }>(
    "SELECT id FROM safety_action WHERE case_id = $1 AND status = 'open'",
    [closed.id],
  );
  await closeCase(database.db, officer, testNow, closed.id, {
    outcome: "resolved",
    reason: "Done",
    actions: Object.fromEntries(actions.map((a) => [a.id, { decision: "completed" as const }])),
  });
  await open(otherOfficer);
});
afterAll(async () => database.close());

describe("open cases by risk", () => {
  it("counts open cases by their latest band, leaving out closed cases and other organisations", async () => {
    const rows = await openCasesByRisk(database.db, officer);
    expect(rows.map((row) => [row.label, row.cases])).toEqual([
      ["High risk", 1],
      ["Medium risk", 0],
      ["Standard risk", 0],
      ["Not assessed", 1],
    ]);
  });

  it("links each band to the filtered case list for case workers", async () => {
    const rows = await openCasesByRisk(database.db, officer);
    expect(rows[0]?.href).toBe("/safety?state=open&risk=high");
    expect(rows[3]?.href).toBe("/safety?state=open&risk=none");
  });

  it("gives the board the counts without links to cases it may not read", async () => {
    const rows = await openCasesByRisk(database.db, board);
    expect(rows.map((row) => row.cases)).toEqual([1, 0, 0, 1]);
    expect(rows.every((row) => row.href === null)).toBe(true);
  });

  it("refuses a tenant", async () => {
    await expect(openCasesByRisk(database.db, tenant)).rejects.toMatchObject({ status: 403 });
  });
});
