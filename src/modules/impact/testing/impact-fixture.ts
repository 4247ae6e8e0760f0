import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  addFunding,
  createTheme,
  recordAttendance,
  recordOutcome,
  recordSession,
  recordSpend,
  registerParticipant,
} from "../../investment/index.ts";
import { makeActiveProject, makePlainTemplate } from "../../investment/testing/projects.ts";
import type { NeighbourhoodFacts } from "../places-link.ts";
import { importTestBank } from "./test-bank.ts";

// Two neighbourhoods, a value bank of two outcomes, and the places facts for them.
export const L1 = "E01016016"; // Medway 015A, IMD decile 2 (a priority neighbourhood here)
export const L2 = "E01016017"; // Medway 015B, decile 1 (treated as not priority in this test)
const bankCsv = `code,name,category,deadweight_percent,under_25_london,under_25_outside_london,25_49_london,25_49_outside_london,50_plus_london,50_plus_outside_london,unknown_london,unknown_outside_london,excludes
LONELY,Less lonely,social,10,1.00,1.00,1.00,1.00,3000.00,2000.00,1.00,1.00,
JOB,Into work,employment,20,9000.00,5000.00,1.00,1.00,1.00,1.00,1.00,1.00,
`;

// As the places module would give them for an organisation working in Medway.
export const neighbourhoods: NeighbourhoodFacts = new Map([
  [L1, { name: "Medway 015A", laName: "Medway", imdDecile: 2, priority: true }],
  [L2, { name: "Medway 015B", laName: "Medway", imdDecile: 1, priority: false }],
]);

export type ImpactFixture = {
  database: Database;
  organisationId: string;
  manager: Actor;
  lunchClub: string;
  jobClub: string;
};

/**
 * The hand-worked data set the dashboard, report and figure tests share. In 2026: Lunch club
 * (wellbeing, community development) has £10,000 internal and £30,000 external secured funding (and
 * £5,000 hoped for), spent £8,000; Job club (employability) has £5,000 internal, spent £6,000; an idea
 * has £99,000 internal but is not operating. Sessions S1-S5 and outcomes for A (LONELY, 76 years old)
 * and B (JOB, 23) are set out below, with every expected figure derived in the tests' comments.
 */
export async function openImpactFixture(): Promise<ImpactFixture> {
  const database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  const manager = actorFor(org.id, "manager");
  const db = database.db;
  await createTheme(db, manager, testNow, { code: "wellbeing", name: "Wellbeing" });
  await createTheme(db, manager, testNow, { code: "employ", name: "Employability" });
  const changeTemplateId = await makePlainTemplate(db, manager, testNow);
  const lunchClub = await makeActiveProject(db, manager, testNow, {
    name: "Lunch club",
    themeCodes: ["wellbeing"],
    communityDevelopment: true,
    changeTemplateId,
  });
  const jobClub = await makeActiveProject(db, manager, testNow, {
    name: "Job club",
    themeCodes: ["employ"],
    changeTemplateId,
  });
  const idea = await makeActiveProject(db, manager, testNow, {
    name: "Idea",
    stage: "idea",
    themeCodes: ["employ"],
    changeTemplateId,
  });
  const funding = [
    { projectId: lunchClub, source: "Us", kind: "internal", amountPence: 1_000_000 },
    { projectId: lunchClub, source: "Lottery", kind: "external", amountPence: 3_000_000 },
    { projectId: lunchClub, source: "Hoped-for", kind: "external", amountPence: 500_000, secured: false },
    { projectId: jobClub, source: "Us", kind: "internal", amountPence: 500_000 },
    { projectId: idea, source: "Us", kind: "internal", amountPence: 9_900_000 },
  ] as const;
  for (const { projectId, ...line } of funding) {
    await addFunding(db, manager, testNow, projectId, { ...line, year: 2026 });
  }
  await recordSpend(db, manager, testNow, lunchClub, {
    spentOn: "2026-05-01",
    amountPence: 800_000,
    description: "Hall hire and food",
  });
  await recordSpend(db, manager, testNow, jobClub, {
    spentOn: "2026-05-01",
    amountPence: 600_000,
    description: "Tutor",
  });

  const person = async (ref: string, tenant: boolean, dateOfBirth: string) =>
    (
      await registerParticipant(db, manager, testNow, {
        externalRef: ref,
        displayName: ref,
        tenant,
        dateOfBirth,
        laCode: "E06000035",
      })
    ).id;
  const a = await person("A", true, "1950-01-01");
  const b = await person("B", true, "2003-01-01");
  const c = await person("C", false, "1980-01-01");
  const d = await person("D", false, "1990-01-01");
  const e = await person("E", true, "1970-01-01");
  const session = async (
    projectId: string,
    heldOn: string,
    depth: "light" | "in-depth",
    lsoa21Code: string | null,
  ) =>
    (
      await recordSession(db, manager, testNow, {
        projectId,
        title: `S ${heldOn}`,
        heldOn,
        durationMinutes: 120,
        depth,
        laCode: "E06000035",
        lsoa21Code,
      })
    ).id;
  const s1 = await session(lunchClub, "2026-03-01", "light", L1);
  const s2 = await session(lunchClub, "2026-04-01", "in-depth", L2);
  const s3 = await session(lunchClub, "2026-05-01", "light", L1);
  const s4 = await session(jobClub, "2026-05-10", "in-depth", null);
  const s5 = await session(lunchClub, "2025-12-15", "light", L1);
  await recordAttendance(db, manager, testNow, s1, {
    attendees: [
      { participantId: a },
      { participantId: b },
      { participantId: c },
      { participantId: d, role: "volunteer", minutes: 120 },
    ],
  });
  await recordAttendance(db, manager, testNow, s2, {
    attendees: [{ participantId: a }, { participantId: e, role: "service-user-input", minutes: 90 }],
  });
  await recordAttendance(db, manager, testNow, s3, { attendees: [{ participantId: c }] });
  await recordAttendance(db, manager, testNow, s4, {
    attendees: [{ participantId: b }, { participantId: d, role: "volunteer", minutes: 60 }],
  });
  await recordAttendance(db, manager, testNow, s5, { attendees: [{ participantId: a }] });

  await importTestBank(db, manager, bankCsv);
  await recordOutcome(db, manager, testNow, {
    participantId: a,
    projectId: lunchClub,
    valueCode: "LONELY",
    achievedOn: "2026-04-01",
    evidence: "Survey",
    wellbeingBefore: 15,
    wellbeingAfter: 21,
  });
  await recordOutcome(db, manager, testNow, {
    participantId: b,
    projectId: jobClub,
    valueCode: "JOB",
    achievedOn: "2026-05-20",
    evidence: "Payslip",
    story: "B found work after the club.",
  });
  return { database, organisationId: org.id, manager, lunchClub, jobClub };
}
