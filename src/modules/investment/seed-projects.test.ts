import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { systemActor } from "../../platform/access/actor.ts";
import { verifyAuditChain } from "../../platform/audit/audit-log.ts";
import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import { matchInOrganisation } from "../../platform/db/match-in-organisation.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { createProject } from "./commands/create-project.ts";
import type { ProjectInput } from "./inputs.ts";
import {
  investmentTheme,
  project,
  projectArea,
  projectFunding,
  projectTheme,
  steeringMember,
} from "./schema.ts";
import { seedProjects } from "./seed-projects.ts";
import { seedStrategy } from "./seed-strategy.ts";

// The demo seed writes its projects in bulk; this writes the same projects with createProject in
// one organisation and with the seed in another, and compares every row and audit entry.

let database: Database;

/** An organisation with the demo's strategy: its themes, indicators and theory-of-change templates. */
async function organisationWithStrategy(name: string) {
  const org = await makeOrganisation(database.db, name);
  const templates = await seedStrategy(database.db, actorFor(org.id, "manager"), testNow);
  return { id: org.id, templateId: templates.get("social") ?? null };
}

function inputs(templateId: string | null): ProjectInput[] {
  return [
    {
      name: "Chatham Lunch Club",
      summary: "Weekly lunch club in Chatham.",
      kind: "project",
      stage: "active",
      communityDevelopment: true,
      themeCodes: ["wellbeing", "employability"],
      areas: [
        { laCode: "E06000035", lsoa21Code: null },
        { laCode: "E06000035", lsoa21Code: null },
      ],
      leadPartnerId: null,
      partnerIds: [],
      need: "yes",
      bestPlaced: "partly",
      canResource: "yes",
      changeTemplateId: templateId,
      followUpMonths: [12, 6, 6],
      attributionPercent: 15,
      displacementPercent: 5,
      dropOffPercent: 20,
      benefitYears: 2,
      assetId: null,
      startsOn: "2024-03-01",
      endsOn: "2025-01-31",
      funding: [
        {
          source: "Community investment budget",
          kind: "internal",
          amountPence: 900_000,
          year: 2024,
          secured: true,
        },
        { source: "Kent County Council", kind: "external", amountPence: 400_000, year: 2025, secured: false },
      ],
      steering: [
        { name: "Pat Okafor", role: "Chair", localPerson: true },
        { name: "Community investment officer", role: "Staff lead", localPerson: false },
      ],
    },
    {
      name: "Margate Job Club",
      summary: "Job club in Margate.",
      kind: "service",
      stage: "idea",
      communityDevelopment: false,
      themeCodes: ["employability"],
      areas: [{ laCode: "E07000114", lsoa21Code: null }],
      leadPartnerId: null,
      partnerIds: [],
      need: "partly",
      bestPlaced: "no",
      canResource: "partly",
      changeTemplateId: null,
      theoryOfChange: {
        inputs: "An adviser",
        activities: "Weekly job club",
        outputs: "CVs written",
        outcomes: "Residents in work",
      },
      followUpMonths: [],
      attributionPercent: 25,
      displacementPercent: 0,
      dropOffPercent: 30,
      benefitYears: 3,
      assetId: null,
      startsOn: "2025-09-01",
      endsOn: null,
      funding: [],
      steering: [],
    },
  ];
}

/** What a reader sees of an organisation's projects: ids (the template's too) are new in each organisation. */
async function written(organisationId: string) {
  const projects = await database.db
    .select()
    .from(project)
    .where(matchInOrganisation(project, organisationId, {}))
    .orderBy(asc(project.name));
  const nameOf = new Map(projects.map((p) => [p.id, p.name]));
  const themeCode = new Map(
    (
      await database.db
        .select()
        .from(investmentTheme)
        .where(matchInOrganisation(investmentTheme, organisationId, {}))
    ).map((theme) => [theme.id, theme.code]),
  );
  const lines = async (
    table: typeof projectTheme | typeof projectArea | typeof projectFunding | typeof steeringMember,
  ) =>
    (
      await database.db
        .select()
        .from(table)
        .where(matchInOrganisation(table, organisationId, {}))
    )
      .map((row) => {
        const {
          organisationId: _o,
          projectId,
          ...rest
        } = row as typeof row & { id?: string; themeId?: string };
        const { id: _i, themeId, ...line } = rest;
        return { project: nameOf.get(projectId), theme: themeId && themeCode.get(themeId), ...line };
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const audits = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.entityType, "project")))
    .orderBy(asc(auditLog.seq));
  return {
    projects: projects.map(({ organisationId: _o, id: _i, changeTemplateId, ...rest }) => ({
      ...rest,
      fromTemplate: changeTemplateId !== null,
    })),
    themes: await lines(projectTheme),
    areas: await lines(projectArea),
    funding: await lines(projectFunding),
    steering: await lines(steeringMember),
    audits: audits.map(({ at, actorLabel, action, summary, entityId, after }) => ({
      at,
      actorLabel,
      action,
      summary,
      project: nameOf.get(entityId ?? ""),
      after: {
        ...(after as object),
        changeTemplateId: (after as { changeTemplateId: unknown }).changeTemplateId !== null,
      },
    })),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
}, 600_000);
afterAll(async () => database.close());

describe("the demo seed's bulk projects", () => {
  it("write what createProject writes one at a time: rows, themes, areas, budget, steering group and audit entries", async () => {
    const byCommand = await organisationWithStrategy("Command Homes");
    const commandActor = systemActor(byCommand.id, "Demo seed");
    for (const input of inputs(byCommand.templateId))
      await createProject(database.db, commandActor, testNow, input);
    const expected = await written(byCommand.id);

    const bySeed = await organisationWithStrategy("Seed Homes");
    await seedProjects(
      database.db,
      systemActor(bySeed.id, "Demo seed"),
      testNow,
      inputs(bySeed.templateId).map((input) => ({ id: newId(testNow.getTime()), input })),
    );
    const actual = await written(bySeed.id);

    expect(expected.projects.map((p) => [p.name, p.lifeRole, p.tocActivities])).toEqual([
      [
        "Chatham Lunch Club",
        "influence",
        "Weekly lunch clubs, coffee mornings and trips for older residents",
      ],
      ["Margate Job Club", "follow", "Weekly job club"],
    ]);
    expect(expected.funding).toHaveLength(2);
    expect(expected.audits).toHaveLength(2);
    expect(actual).toEqual(expected);
    expect((await verifyAuditChain(database)).broken).toEqual([]);
  });

  it("refuses a project with a theme the organisation does not have, writing none", async () => {
    const org = await organisationWithStrategy("Themeless Homes");
    const [first] = inputs(org.templateId);
    await expect(
      seedProjects(database.db, systemActor(org.id, "Demo seed"), testNow, [
        { id: newId(testNow.getTime()), input: { ...first, themeCodes: ["no-such-theme"] } },
      ]),
    ).rejects.toMatchObject({ status: 422 });
    expect(await database.db.select().from(project).where(eq(project.organisationId, org.id))).toEqual([]);
  });
});
