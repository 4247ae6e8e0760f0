import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { actorForUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import { importTestBank } from "../../impact/testing/test-bank.ts";
import { recordOutcome } from "../commands/record-outcome.ts";
import { registerParticipant } from "../commands/register-participant.ts";
import { makePlainTemplate, makeWellbeingProject } from "../testing/projects.ts";

// Every code shown to a person is a name: value-bank outcomes, local authorities, neighbourhoods.

const bankCsv = `code,name,category,deadweight_percent,under_25_london,under_25_outside_london,25_49_london,25_49_outside_london,50_plus_london,50_plus_outside_london,unknown_london,unknown_outside_london,excludes
SOC-LONELY,Feeling less lonely,social,10,1.00,1.00,1.00,1.00,3000.00,2000.00,1.00,1.00,
`;

let database: Database;
let browser: TestBrowser;
let projectId: string;
let participantId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const manager = actorForUser(await addUser(database, organisationId, "manager", "names@example.org"));
  const db = database.db;
  projectId = await makeWellbeingProject(db, manager, testNow, {
    name: "Lunch club",
    areas: [{ laCode: "E06000035", lsoa21Code: "E01016016" }, { laCode: "E07000110" }],
    changeTemplateId: await makePlainTemplate(db, manager, testNow),
    followUpMonths: [6],
  });
  participantId = (
    await registerParticipant(db, manager, testNow, {
      externalRef: "P1",
      displayName: "Pat Lee",
      tenant: true,
      dateOfBirth: "1950-01-01",
      laCode: "E06000035",
    })
  ).id;
  await importTestBank(db, manager, bankCsv);
  // Achieved six months and a few days before the test day, so its 6-month follow-up is due.
  await recordOutcome(db, manager, testNow, {
    participantId,
    projectId,
    valueCode: "SOC-LONELY",
    achievedOn: "2025-12-20",
    evidence: "Survey",
  });
  browser = new TestBrowser(await buildTestApp(database));
  await browser.signIn("names@example.org");
});
afterAll(async () => database.close());

describe("codes shown as names", () => {
  it("names a project's local authorities and neighbourhood", async () => {
    const page = await (await browser.get(`/investment/projects/${projectId}`)).text();
    expect(page).toContain("Medway, Medway 015A");
    expect(page).toContain("Maidstone");
    expect(page).not.toContain("E06000035");
    expect(page).not.toContain("E07000110");
  });

  it("names a participant's value-bank outcome", async () => {
    const page = await (await browser.get(`/investment/participants/${participantId}`)).text();
    expect(page).toContain("Feeling less lonely");
    expect(page).not.toContain("SOC-LONELY");
  });

  it("names the outcome on the follow-ups due list", async () => {
    const page = await (await browser.get("/investment/follow-ups")).text();
    expect(page).toContain("Pat Lee");
    expect(page).toContain("Feeling less lonely");
    expect(page).not.toContain("SOC-LONELY");
  });
});
