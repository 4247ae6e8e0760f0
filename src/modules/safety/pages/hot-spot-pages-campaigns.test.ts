import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { makeHomes, medway, signedInSafetyStaff } from "../testing/fixtures.ts";

let database: Database;
let manager: TestBrowser;
let officer: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  await makeHomes(database, organisationId, medway, 3, 100, "Nelson House");
  ({ manager, officer } = await signedInSafetyStaff(database, organisationId));
});

afterAll(async () => {
  await database.close();
});

const block = `block:${medway}:ME1 1:nelson house`;
const fields = {
  area: block,
  campaignType: "cctv",
  "startedOn-day": "1",
  "startedOn-month": "6",
  "startedOn-year": "2026",
  note: "Cameras at the bin store",
};

describe("hot-spot campaign pages", () => {
  it("lets a manager mark a block, shows the campaign on the hot spots page, and refuses officers", async () => {
    const form = await manager.get("/safety/hot-spots/campaigns/new");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(
      `<option value="${block}">Block: Nelson House, ME1 1 (Medway)</option>`,
    );
    const token = await manager.csrfToken("/safety/hot-spots/campaigns/new");
    const backwards = await manager.post(
      "/safety/hot-spots/campaigns/new",
      { ...fields, "endedOn-day": "31", "endedOn-month": "5", "endedOn-year": "2026" },
      { csrf: token },
    );
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain("The end date must be on or after the start date");
    const saved = await manager.post("/safety/hot-spots/campaigns/new", fields, { csrf: token });
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location") ?? "";
    expect(location).toMatch(/^\/safety\/hot-spots\/campaigns\/[0-9a-f-]{36}\?done=saved$/);
    // Today is 15 June 2026: two weeks in, too early to tell.
    const page = await (await manager.get(location)).text();
    expect(page).toContain("CCTV: Nelson House, ME1 1 (Medway)</h1>");
    expect(page).toContain("Too early to tell.");
    expect(page).toContain("15 days each");

    const spots = await (await officer.get("/safety/hot-spots")).text();
    expect(spots).toContain("Nelson House, ME1 1 (Medway)</a>");
    expect(spots).not.toContain("Mark an area for a campaign");
    expect((await manager.get("/safety/hot-spots")).status).toBe(200);
    expect((await officer.get("/safety/hot-spots/campaigns/new")).status).toBe(403);
    expect((await officer.post("/safety/hot-spots/campaigns/new", fields, { csrf: token })).status).toBe(403);
    expect((await officer.get(location)).status).toBe(200);
    expect(
      (await manager.get("/safety/hot-spots/campaigns/00000000-0000-7000-8000-000000000000")).status,
    ).toBe(404);
  });
});
