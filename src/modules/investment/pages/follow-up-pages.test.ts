import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Role } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { makeJobClub, residentOutcome } from "../testing/projects.ts";

// Issue 18 item 6: the follow-up form is checked on GET like its POST, and only for a follow-up that exists.

let database: Database;
let outcomeId: string;
const browsers = new Map<Role, TestBrowser>();
const signedInAs: Role[] = ["officer", "read-only", "tenant", "supplier"];

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const manager = actorFor(organisationId, "manager");
  const projectId = await makeJobClub(database.db, manager, testNow);
  outcomeId = await residentOutcome(database.db, manager, testNow, projectId, "A", "2026-01-10");
  const app = await buildTestApp(database);
  for (const role of signedInAs) {
    await addUser(database, organisationId, role, `${role}@example.org`);
    const browser = new TestBrowser(app);
    await browser.signIn(`${role}@example.org`);
    browsers.set(role, browser);
  }
});
afterAll(async () => database.close());

const get = (role: Role, path: string) => (browsers.get(role) as TestBrowser).get(path);

describe("recording a follow-up", () => {
  it("shows the form to an officer for a follow-up that is due", async () => {
    const response = await get("officer", `/investment/follow-ups/${outcomeId}/6`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Record the 6-month follow-up");
  });

  it("refuses the form to the board, tenants and suppliers, whatever the id", async () => {
    for (const role of ["read-only", "tenant", "supplier"] as const) {
      expect((await get(role, `/investment/follow-ups/${outcomeId}/6`)).status).toBe(403);
      expect((await get(role, "/investment/follow-ups/00000000-0000-7000-8000-000000000000/6")).status).toBe(
        403,
      );
    }
  });

  it("answers 404 for a follow-up that does not exist", async () => {
    expect(
      (await get("officer", "/investment/follow-ups/00000000-0000-7000-8000-000000000000/6")).status,
    ).toBe(404);
    expect((await get("officer", `/investment/follow-ups/${outcomeId}/7`)).status).toBe(404);
    expect((await get("officer", "/investment/follow-ups/not-an-id/6")).status).toBe(404);
  });
});
