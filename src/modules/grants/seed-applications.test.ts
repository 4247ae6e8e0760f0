import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import { verifyAuditChain } from "../../platform/audit/audit-log.ts";
import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import { matchInOrganisation } from "../../platform/db/match-in-organisation.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { applicationSections } from "./commands/application-sections.ts";
import { saveApplicationSection, startApplication, submitApplication } from "./commands/applications.ts";
import { assessApplication } from "./commands/assess-application.ts";
import { addBudgetLine } from "./commands/budget-lines.ts";
import { decideApplication, moderateApplication } from "./commands/decide-application.ts";
import { grantApplication, grantAssessment, grantBudgetLine } from "./schema.ts";
import { type DemoApplication, seedApplications } from "./seed-applications.ts";
import { makeProgramme } from "./test-support.ts";

// The demo seed writes its applications in bulk; this writes the same applications step by step
// with the commands in one organisation and with the seed in another, and compares every row and
// audit entry (ids and references are new in each organisation, so rows are named by project).

let database: Database;
const sentAt = new Date("2026-06-01T10:00:00.000Z");
const assessedAt = new Date("2026-08-10T10:00:00.000Z");
// The same people in both organisations, so user ids on the rows compare too.
const users = { group: newId(), officer: newId(), panel: newId(), manager: newId() };

async function organisation(name: string) {
  const org = await makeOrganisation(database.db, name);
  const actors = {
    group: actorFor(org.id, "community-group", { userId: users.group, name: "Grace Group" }),
    officer: actorFor(org.id, "officer", { userId: users.officer, name: "Olu Officer" }),
    panel: actorFor(org.id, "officer", { userId: users.panel, name: "Pat Panel" }),
    manager: actorFor(org.id, "manager", { userId: users.manager, name: "Morgan Manager" }),
  };
  const programme = await makeProgramme(database.db, actors.manager, testNow);
  return { id: org.id, programme, ...actors };
}

type Org = Awaited<ReturnType<typeof organisation>>;

function applications(org: Org): DemoApplication[] {
  const sections = (title: string, local: string, pounds: string) => ({
    eligibility: { local, profit: "no" },
    organisation: {
      organisationName: `${title} Group`,
      organisationType: "registered-charity",
      charityNumber: "1087342",
      companyNumber: "",
      postcode: "ME4 4QU",
      town: "Chatham",
    },
    contact: { contactName: "Ann Lee", contactEmail: "ann@example.org", contactPhone: "" },
    project: {
      projectTitle: title,
      projectSummary: `${title}, weekly.`,
      amountRequestedPence: pounds,
      outcomeCodes: ["WB1"],
    },
  });
  const scored = (need: string, delivery: string) => ({
    conflictDeclared: "no" as const,
    scores: { need, delivery },
    comment: "Scored against the published criteria.",
  });
  return [
    {
      sections: sections("Lunch club", "yes", "5000"),
      budgetLines: [
        { description: "Organiser", amount: "3000", category: "staff", otherFunding: "no" },
        { description: "Cooker", amount: "2000", category: "equipment", otherFunding: "yes" },
      ],
      assessments: [
        { assessor: org.officer, input: scored("4", "5") },
        { assessor: org.panel, input: scored("3", "4") },
      ],
      moderation: { moderator: org.manager, input: { note: "Panel agreed." } },
    },
    {
      sections: sections("Repair cafe", "yes", "2500"),
      budgetLines: [],
      assessments: [
        { assessor: org.officer, input: scored("2", "3") },
        { assessor: org.panel, input: { conflictDeclared: "yes", conflictDetail: "I am a trustee." } },
      ],
      moderation: { moderator: org.manager, input: { moderatedScore: "72.5", note: "Raised on the visit." } },
    },
    { sections: sections("Bus trips", "no", "4000"), budgetLines: [], assessments: [] },
    { sections: sections("Warm space", "yes", "1500"), budgetLines: [], assessments: [] },
  ];
}

async function byCommand(org: Org): Promise<string[]> {
  const ids: string[] = [];
  for (const demo of applications(org)) {
    const { id } = await startApplication(database.db, org.group, sentAt, org.programme.id);
    for (const section of applicationSections)
      await saveApplicationSection(database.db, org.group, sentAt, id, section, demo.sections[section]);
    for (const line of demo.budgetLines) await addBudgetLine(database.db, org.group, sentAt, id, line);
    await submitApplication(database.db, org.group, sentAt, id);
    for (const { assessor, input } of demo.assessments)
      await assessApplication(database.db, assessor, assessedAt, id, input);
    if (demo.moderation)
      await moderateApplication(
        database.db,
        demo.moderation.moderator,
        assessedAt,
        id,
        demo.moderation.input,
      );
    ids.push(id);
  }
  return ids;
}

/** Every row and audit entry, with ids, references and the organisation replaced by the project's name. */
async function written(organisationId: string) {
  const all = await database.db
    .select()
    .from(grantApplication)
    .where(matchInOrganisation(grantApplication, organisationId, {}))
    .orderBy(asc(grantApplication.projectTitle));
  const name = new Map<string, string>(all.map((a) => [a.id, a.projectTitle ?? ""]));
  const lines = await database.db
    .select()
    .from(grantBudgetLine)
    .where(matchInOrganisation(grantBudgetLine, organisationId, {}))
    .orderBy(asc(grantBudgetLine.description));
  const assessments = await database.db
    .select()
    .from(grantAssessment)
    .where(matchInOrganisation(grantAssessment, organisationId, {}));
  for (const line of lines) name.set(line.id, `line ${line.description}`);
  for (const a of assessments) name.set(a.id, `${name.get(a.applicationId)} by ${a.assessorName}`);
  const audits = await database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organisationId, organisationId),
        inArray(auditLog.entityType, ["grant-application", "grant-budget-line", "grant-assessment"]),
      ),
    )
    .orderBy(asc(auditLog.seq));
  let summary = (text: string) => text;
  for (const a of all) {
    const before = summary;
    summary = (text) => before(text).replaceAll(a.reference, `<${a.projectTitle}>`);
  }
  return {
    applications: all.map(({ organisationId: _o, id: _i, programmeId: _p, reference: _r, ...rest }) => rest),
    lines: lines.map(({ organisationId: _o, id: _i, applicationId, ...rest }) => ({
      application: name.get(applicationId),
      ...rest,
    })),
    assessments: assessments
      .map(({ organisationId: _o, id, applicationId: _a, ...rest }) => ({
        assessment: name.get(id),
        ...rest,
      }))
      .sort((a, b) => String(a.assessment).localeCompare(String(b.assessment))),
    audits: audits.map(({ at, actorLabel, action, entityType, entityId, summary: text, before, after }) => ({
      at,
      actorLabel,
      action,
      entityType,
      entity: name.get(entityId ?? ""),
      summary: summary(text),
      before,
      after,
    })),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
}, 600_000);
afterAll(async () => database.close());

describe("the demo seed's bulk grant applications", () => {
  it("write what the commands write step by step: applications, budget lines, assessments and audit entries", async () => {
    const commandOrg = await organisation("Command Homes");
    await byCommand(commandOrg);
    const expected = await written(commandOrg.id);

    const seedOrg = await organisation("Seed Homes");
    const ids = await seedApplications(
      database.db,
      seedOrg.group,
      seedOrg.programme,
      { sentAt, assessedAt },
      applications(seedOrg),
    );
    const actual = await written(seedOrg.id);

    expect(expected.applications.map((a) => [a.projectTitle, a.status, a.moderatedScoreBp])).toEqual([
      ["Bus trips", "ineligible", null],
      ["Lunch club", "moderated", 7800],
      ["Repair cafe", "moderated", 7250],
      ["Warm space", "submitted", null],
    ]);
    expect(expected.lines).toHaveLength(2);
    expect(expected.assessments).toHaveLength(4);
    expect(expected.audits).toHaveLength(4 * 6 + 2 + 4 + 2);
    expect(actual).toEqual(expected);
    expect((await verifyAuditChain(database)).broken).toEqual([]);

    // A seeded application goes on like any other: the manager decides it with the command.
    const decided = await decideApplication(database.db, seedOrg.manager, assessedAt, ids[1], {
      decision: "decline",
      reason: "Below the threshold.",
    });
    expect(decided.application.status).toBe("declined");
  });

  it("refuses an application the commands would refuse, writing nothing", async () => {
    const org = await organisation("Refused Homes");
    const [lunch] = applications(org);
    const wrongBudget = { ...lunch, budgetLines: lunch.budgetLines.slice(0, 1) };
    const problem = await problemOf(
      seedApplications(database.db, org.group, org.programme, { sentAt, assessedAt }, [wrongBudget]),
    );
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe("Your budget does not add up.");
    expect(problem.fieldErrors?.budget).toMatch(/add up to £3,000.00 but you are asking for £5,000.00/);
    const ineligible = { ...applications(org)[2], assessments: lunch.assessments };
    expect(
      (
        await problemOf(
          seedApplications(database.db, org.group, org.programme, { sentAt, assessedAt }, [ineligible]),
        )
      ).status,
    ).toBe(409);
    expect(await written(org.id)).toEqual({ applications: [], lines: [], assessments: [], audits: [] });
  });
});
