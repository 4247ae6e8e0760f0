import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { createProject, createTheme, listFrameworkOutcomes } from "../investment/index.ts";
import { linkGrantToProject } from "./commands/link-project.ts";
import { submitMonitoringReturn } from "./commands/monitoring.ts";
import { reportedByOutcome } from "./pages/grant-outcomes-section.ts";
import { getGrantDetail } from "./queries/grant-detail.ts";
import { newRegisterReport, registerChunks } from "./register/export-register.ts";
import { registerValidator } from "./register/validate-register.ts";
import { grantProgramme } from "./schema.ts";
import { awardApplication, makeProgramme, sendApplication } from "./test-support.ts";

// Grants and the community investment module's outcome framework: programmes fund chosen
// framework outcomes, grants pay for investment projects, and monitoring reports against them.

let database: Database;
let manager: Actor;
let officer: Actor;
let group: Actor;
let otherManager: Actor;

const projectInput = {
  kind: "project" as const,
  stage: "active" as const,
  themeCodes: ["resilient-communities"],
  areas: [{ laCode: "E06000035" }],
  need: "yes" as const,
  bestPlaced: "yes" as const,
  canResource: "yes" as const,
  theoryOfChange: { inputs: "Grant", activities: "Clubs", outputs: "Sessions", outcomes: "Stronger groups" },
};

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  const other = await makeOrganisation(database.db, "Other Homes");
  manager = actorFor(org.id, "manager");
  officer = actorFor(org.id, "officer", { name: "Olu Officer" });
  group = actorFor(org.id, "community-group");
  otherManager = actorFor(other.id, "manager");
  for (const actor of [manager, otherManager])
    await createTheme(database.db, actor, testNow, {
      code: "resilient-communities",
      name: "Building active, resilient communities",
      outcomes: ["Community groups are stronger", "More residents take part in community life"],
    });
});
afterAll(async () => database?.close());

async function awardThroughProgramme(programmeId: string, outcomeCodes: string[]) {
  const sent = await sendApplication(database.db, group, testNow, programmeId, {
    organisation: { organisationType: "registered-charity", charityNumber: "1113202" },
    project: { outcomeCodes },
  });
  return awardApplication(database.db, { officer, manager }, testNow, sent.id);
}

describe("programmes and the outcome framework", () => {
  it("funds chosen framework outcomes, coded by theme, beside its own outcomes", async () => {
    const framework = await listFrameworkOutcomes(database.db, manager);
    const programme = await makeProgramme(database.db, manager, testNow, {
      code: "FW-1",
      frameworkOutcomeIds: framework.map((outcome) => outcome.id),
    });
    expect(programme.outcomes.map((o) => o.code)).toEqual(["WB1", "SK2", "RC-1", "RC-2"]);
    expect(programme.outcomes[2]).toMatchObject({
      title: "Community groups are stronger",
      frameworkOutcomeId: framework[0]?.id,
      frameworkTheme: "Building active, resilient communities",
    });
  });

  it("refuses an outcome that is not in the organisation's framework and saves nothing", async () => {
    const theirs = await listFrameworkOutcomes(database.db, otherManager);
    for (const ids of [[theirs[0]?.id ?? ""], ["not-an-id"]]) {
      const problem = await problemOf(
        makeProgramme(database.db, manager, testNow, { code: "FW-BAD", frameworkOutcomeIds: ids }),
      );
      expect(problem.status).toBe(422);
      expect(problem.fieldErrors?.frameworkOutcomeIds).toMatch(/outcome framework/);
    }
    const saved = await database.db
      .select()
      .from(grantProgramme)
      .where(
        and(eq(grantProgramme.organisationId, manager.organisationId), eq(grantProgramme.code, "FW-BAD")),
      );
    expect(saved).toHaveLength(0);
  });

  it("asks for at least one outcome, from the framework or its own", async () => {
    const problem = await problemOf(
      makeProgramme(database.db, manager, testNow, {
        code: "FW-NONE",
        outcomes: [],
        frameworkOutcomeIds: [],
      }),
    );
    expect(problem.fieldErrors?.outcomes).toMatch(/at least one outcome/);
  });
});

describe("a grant linked to the framework", () => {
  it("links to an investment project, reports against framework outcomes and exports them to 360Giving", async () => {
    const db = database.db;
    const framework = await listFrameworkOutcomes(db, manager);
    const programme = await makeProgramme(db, manager, testNow, {
      code: "FW-2",
      frameworkOutcomeIds: [framework[0]?.id ?? ""],
    });
    const grant = await awardThroughProgramme(programme.id, ["RC-1", "WB1"]);

    const project = await createProject(db, officer, testNow, { ...projectInput, name: "Hoo wardens" });
    const theirProject = await createProject(db, actorFor(otherManager.organisationId, "officer"), testNow, {
      ...projectInput,
      name: "Not yours",
    });
    const refused = await problemOf(linkGrantToProject(db, officer, testNow, grant.id, theirProject.id));
    expect(refused.status).toBe(422);
    expect(refused.fieldErrors?.projectId).toMatch(/investment portfolio/);
    const linked = await linkGrantToProject(db, officer, testNow, grant.id, project.id);
    expect(linked.investmentProjectId).toBe(project.id);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, officer.organisationId), eq(auditLog.entityId, grant.id)));
    expect(audits.some((a) => a.summary.includes("linked to investment project Hoo wardens"))).toBe(true);

    const detail = await getGrantDetail(db, officer, grant.id);
    expect(detail.project?.name).toBe("Hoo wardens");
    expect(detail.outcomes.map((o) => o.frameworkTheme ?? null)).toEqual([
      "Building active, resilient communities",
      null,
    ]);
    const due = detail.returns[0];
    await submitMonitoringReturn(db, officer, testNow, due?.id ?? "", {
      results: [
        { outcomeCode: "RC-1", measure: "Groups supported", target: "4", achieved: "5" },
        { outcomeCode: "WB1", measure: "People reporting better wellbeing", target: "20", achieved: "12" },
      ],
      narrative: "Going well",
    });
    const reported = reportedByOutcome(await getGrantDetail(db, officer, grant.id));
    expect(reported.map((r) => [r.outcome.code, r.target, r.achieved])).toEqual([
      ["RC-1", 4, 5],
      ["WB1", 20, 12],
    ]);

    let text = "";
    for await (const chunk of registerChunks(
      db,
      officer.organisationId,
      "360giving-json",
      newRegisterReport(),
      {
        now: testNow,
      },
    ))
      text += chunk;
    const data = JSON.parse(text) as {
      grants: { title: string; classifications: { vocabulary: string; code: string; title: string }[] }[];
    };
    expect(registerValidator().validatePackage(data)).toEqual([]);
    const exported = data.grants.find((g) =>
      g.classifications.some((c) => c.vocabulary.endsWith("-outcome-framework")),
    );
    expect(exported?.classifications.filter((c) => c.vocabulary.endsWith("-outcome-framework"))).toEqual([
      {
        vocabulary: expect.stringMatching(/-outcome-framework$/),
        code: "RC-1",
        title: "Community groups are stronger",
      },
    ]);
  });

  it("can unlink the project, and hides other organisations' grants", async () => {
    const db = database.db;
    const programme = await makeProgramme(db, manager, testNow, { code: "FW-3" });
    const grant = await awardThroughProgramme(programme.id, ["WB1"]);
    const unlinked = await linkGrantToProject(db, officer, testNow, grant.id, "");
    expect(unlinked.investmentProjectId).toBeNull();
    const hidden = await problemOf(linkGrantToProject(db, otherManager, testNow, grant.id, ""));
    expect(hidden.status).toBe(404);
  });
});
