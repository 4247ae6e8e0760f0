import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { actorFor } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { annualReport } from "../queries/annual-report.ts";
import { openTwoLandlords } from "../testing/case-import.ts";
import { signedInSafetyStaff } from "../testing/fixtures.ts";

let database: Database;
let organisationId: string;
let otherOrganisationId: string;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let manager: TestBrowser;
let officer: TestBrowser;
let managerToken: string;

beforeAll(async () => {
  ({ database, organisationId, otherOrganisationId } = await openTwoLandlords());
  ({ app, manager, officer, managerToken } = await signedInSafetyStaff(database, organisationId));
});

afterAll(async () => {
  await database.close();
});

const report = (orgId: string) =>
  annualReport(database.db, actorFor(orgId, "manager"), { from: "2026-04-01", to: "2027-03-31" });

describe("preventative campaigns", () => {
  it("records and changes a campaign through the form, and the annual report shows it", async () => {
    const token = await manager.csrfToken("/safety/campaigns/new");
    const fields = {
      name: "Bin it week",
      topic: "Fly-tipping",
      laCode: "",
      "startedOn-day": "2",
      "startedOn-month": "5",
      "startedOn-year": "2026",
      peopleReached: "1,200",
    };
    const backwards = await manager.post(
      "/safety/campaigns/new",
      { ...fields, "endedOn-day": "1", "endedOn-month": "5", "endedOn-year": "2026" },
      { csrf: token },
    );
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain("The end date must be on or after the start date");
    const many = await manager.post(
      "/safety/campaigns/new",
      { ...fields, peopleReached: "many" },
      { csrf: token },
    );
    expect(many.status).toBe(422);
    expect(await many.text()).toContain("Enter the number of people reached as a whole number");
    expect((await report(organisationId)).campaigns).toHaveLength(0);
    expect((await manager.post("/safety/campaigns/new", fields, { csrf: token })).status).toBe(303);
    const list = await (await manager.get("/safety/campaigns")).text();
    const id = /\/safety\/campaigns\/([0-9a-f-]{36})/.exec(list)?.[1] ?? "";
    expect(id).not.toBe("");
    const changed = await manager.post(
      `/safety/campaigns/${id}`,
      { ...fields, peopleReached: "1500" },
      { csrf: token },
    );
    expect(changed.status).toBe(303);
    expect((await report(organisationId)).campaigns).toEqual([
      { name: "Bin it week", topic: "Fly-tipping", startedOn: "2026-05-02", peopleReached: 1500 },
    ]);
    expect(await (await manager.get("/safety/annual-report?from=2026-04-01&to=2027-03-31")).text()).toContain(
      "Bin it week",
    );
    // Officers see campaigns but cannot record them; another organisation never sees them.
    expect((await officer.get("/safety/campaigns")).status).toBe(200);
    expect((await officer.post("/safety/campaigns/new", fields, { csrf: token })).status).toBe(403);
    expect((await report(otherOrganisationId)).campaigns).toHaveLength(0);
    expect((await manager.get("/safety/campaigns/00000000-0000-7000-8000-000000000000")).status).toBe(404);
  });

  it("records a campaign through the API and refuses a bad one", async () => {
    const headers = { authorization: `Bearer ${managerToken}`, "content-type": "application/json" };
    const created = await app.request("/api/v1/safety/campaigns", {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "Hate hurts",
        topic: "Hate incidents",
        startedOn: "2026-06-01",
        peopleReached: 40,
      }),
    });
    expect(created.status).toBe(200);
    const bad = await app.request("/api/v1/safety/campaigns", {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "", topic: "x", startedOn: "2026-02-30", peopleReached: -1 }),
    });
    expect(bad.status).toBe(422);
    const list = (await (await app.request("/api/v1/safety/campaigns", { headers })).json()) as {
      name: string;
    }[];
    expect(list.map((c) => c.name)).toContain("Hate hurts");
  });
});
