import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { openCase } from "../commands/open-case.ts";
import { recordAssessment } from "../commands/record-assessment.ts";
import { getCase } from "../queries/get-case.ts";
import { makeHomes, medway, signedInSafetyStaff } from "../testing/fixtures.ts";

let database: Database;
let organisationId: string;
let manager: TestBrowser;
let officer: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  await makeHomes(database, organisationId, medway, 1, 8900);
  ({ manager, officer } = await signedInSafetyStaff(database, organisationId));
});

afterAll(async () => {
  await database.close();
});

const answers = {
  frequency: "daily",
  targeted: "yes",
  hate: "no",
  fear: "yes",
  health: "no",
  vulnerable: "no",
  children: "no",
  violence: "no",
  "considered-moving": "no",
};

describe("risk matrix pages", () => {
  it("publishes a new version from the form, refusing insane weights and bands, and old assessments keep theirs", async () => {
    const officerActor = actorFor(organisationId, "officer");
    const created = await openCase(database.db, officerActor, testNow, {
      category: "harassment",
      locationType: "open-space",
      locationDescription: "Park",
      summary: "Threats",
      openedOn: "2026-06-01",
      parties: [{ role: "complainant", name: "Ivy Cole" }],
    });
    const first = await recordAssessment(database.db, officerActor, testNow, created.id, { answers });
    expect(first).toMatchObject({ matrixVersion: 1, score: 9, band: "medium" });

    const list = await (await manager.get("/safety/risk-matrices")).text();
    expect(list).toContain("Version 1");
    expect(list).toContain("Kith default");
    const form = await (await manager.get("/safety/risk-matrices/new")).text();
    const questions = /<textarea[^>]*name="questions"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? "";
    const text = questions.replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    expect(text).toContain("frequency | How often is it happening?");
    const token = await manager.csrfToken("/safety/risk-matrices/new");
    const fields = {
      name: "Matrix 2026",
      questions: text,
      bandMedium: "6",
      bandHigh: "9",
      reviewStandard: "28",
      reviewMedium: "21",
      reviewHigh: "7",
    };
    const tooHeavy = await manager.post(
      "/safety/risk-matrices/new",
      { ...fields, questions: text.replace("- daily | Daily or more | 3", "- daily | Daily or more | 300") },
      { csrf: token },
    );
    expect(tooHeavy.status).toBe(422);
    expect(await tooHeavy.text()).toContain("the weight must be a whole number from 0 to 100");
    const unreachable = await manager.post(
      "/safety/risk-matrices/new",
      { ...fields, bandHigh: "500" },
      { csrf: token },
    );
    expect(unreachable.status).toBe(422);
    expect(await unreachable.text()).toContain("the highest possible score is 24");
    const backwards = await manager.post(
      "/safety/risk-matrices/new",
      { ...fields, bandMedium: "10" },
      { csrf: token },
    );
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain("The high band must start above the medium band");
    expect((await officer.get("/safety/risk-matrices")).status).toBe(403);

    const published = await manager.post("/safety/risk-matrices/new", fields, { csrf: token });
    expect(published.status).toBe(303);
    expect(await (await manager.get("/safety/risk-matrices")).text()).toContain("Matrix 2026");
    expect(await (await manager.get("/safety/risk-matrices/2")).text()).toContain("high 7 days");

    const second = await recordAssessment(database.db, officerActor, testNow, created.id, { answers });
    expect(second).toMatchObject({ matrixVersion: 2, score: 9, band: "high", nextReviewOn: "2026-06-22" });
    const file = await getCase(database.db, officerActor, testNow, created.id);
    expect(file.assessments.map((a) => a.matrixVersion)).toEqual([1, 2]);
  });
});
