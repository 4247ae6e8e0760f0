import { eq } from "drizzle-orm";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { type Actor, systemActor } from "../../platform/access/actor.ts";
import { createUser } from "../../platform/auth/users.ts";
import type { Database, Db } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import { saveApplicationSection, startApplication, submitApplication } from "./commands/applications.ts";
import { assessApplication } from "./commands/assess-application.ts";
import { createProgramme } from "./commands/create-programme.ts";
import { type DecisionInput, decideApplication, moderateApplication } from "./commands/decide-application.ts";
import { approveDirectAward, type DirectAwardInput, proposeDirectAward } from "./commands/direct-awards.ts";
import {
  type GrantApplication,
  type GrantAward,
  type GrantPayment,
  type GrantProgramme,
  grantPayment,
} from "./schema.ts";

// Shared inputs for this module's tests: one realistic programme and direct award.

export async function makeProgramme(
  db: Db,
  manager: Actor,
  now: Date,
  overrides: Partial<Parameters<typeof createProgramme>[3]> = {},
): Promise<GrantProgramme> {
  return createProgramme(db, manager, now, {
    code: "CCF-2026",
    title: "Community Chest 2026",
    description: "Small grants for community projects.",
    grantType: "innovation",
    budgetPence: 5_000_000,
    maxAwardPence: 1_000_000,
    opensOn: "2026-05-01",
    closesOn: "2026-07-31",
    eligibilityQuestions: [
      {
        id: "local",
        question: "Does your project take place in Kent or Medway?",
        expected: "yes",
        failureReason: "The project must take place in Kent or Medway",
      },
      {
        id: "profit",
        question: "Does your organisation distribute profits to shareholders?",
        expected: "no",
        failureReason: "Organisations that distribute profits cannot apply",
      },
    ],
    scoringCriteria: [
      { id: "need", name: "Evidence of need", weight: 3 },
      { id: "delivery", name: "Ability to deliver", weight: 2 },
    ],
    outcomes: [
      { code: "WB1", title: "Improved wellbeing" },
      { code: "SK2", title: "New skills" },
    ],
    ...overrides,
  });
}

/** The grant owner and accountable officer a grant names: real staff users of the organisation. */
export type GrantPeople = { grantOwnerUserId: string; accountableOfficerUserId: string };

const peopleByOrganisation = new Map<string, GrantPeople>();

/** Makes (once per organisation) an officer and a director to own and answer for grants. */
export async function grantPeople(db: Db, organisationId: string): Promise<GrantPeople> {
  const known = peopleByOrganisation.get(organisationId);
  if (known) return known;
  const make = (name: string, role: "officer" | "manager") =>
    createUser(db, systemActor(organisationId), testNow, {
      organisationId,
      email: `${role}-${newId()}@example.org`,
      name,
      role,
      password: "correct horse battery staple 42",
    });
  const owner = await make("Priya Shah", "officer");
  const accountable = await make("Dana Director", "manager");
  const people = { grantOwnerUserId: owner.id, accountableOfficerUserId: accountable.id };
  peopleByOrganisation.set(organisationId, people);
  return people;
}

export type GrantsFixture = {
  database: Database;
  organisationId: string;
  people: GrantPeople;
  manager: Actor;
  officer: Actor;
  group: Actor;
  /** A manager of another organisation, who must see none of this one's grants. */
  otherManager: Actor;
};

/** A test database with a funder, its grant people, the staff and group actors, and another organisation. */
export async function openGrantsFixture(): Promise<GrantsFixture> {
  const database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  const people = await grantPeople(database.db, org.id);
  const other = await makeOrganisation(database.db, "Other Homes");
  return {
    database,
    organisationId: org.id,
    people,
    manager: actorFor(org.id, "manager"),
    officer: actorFor(org.id, "officer", { name: "Olu Officer" }),
    group: actorFor(org.id, "community-group"),
    otherManager: actorFor(other.id, "manager"),
  };
}

export function directAwardInput(
  people: GrantPeople,
  overrides: Partial<DirectAwardInput> = {},
): DirectAwardInput {
  return {
    criterion: "unique-position",
    justification:
      "The only organisation running a specialist tenancy sustainment service for care leavers in Medway.",
    title: "Care leavers tenancy sustainment",
    description: "Support for care leavers in their first tenancy.",
    grantType: "strategic",
    recipientName: "Medway Youth Trust",
    recipientType: "registered-charity",
    charityNumber: "1113202",
    companyNumber: "",
    recipientPostcode: "ME4 4TR",
    recipientTown: "Chatham",
    amountAwarded: "90000",
    outcomeCodes: ["WB1"],
    startDate: "2026-07-01",
    endDate: "2029-06-30",
    ...people,
    conditions: "Spend only on the agreed project; report quarterly.",
    monitoringFrequency: "quarterly",
    ...overrides,
  };
}

/** A direct award the officer proposes and the manager approves: an active grant with its payments scheduled. */
export async function approvedDirectAward(
  db: Db,
  staff: { officer: Actor; manager: Actor },
  input: DirectAwardInput,
  now = testNow,
): Promise<GrantAward> {
  const proposed = await proposeDirectAward(db, staff.officer, now, input);
  return approveDirectAward(db, staff.manager, now, proposed.id);
}

/** A grant's payment schedule, first instalment first. */
export function paymentsInOrder(db: Db, grantId: string): Promise<GrantPayment[]> {
  return db
    .select()
    .from(grantPayment)
    .where(eq(grantPayment.grantId, grantId))
    .orderBy(grantPayment.instalment);
}

type SectionAnswers = Record<string, string | string[]>;
type DraftAnswers = { eligibility?: SectionAnswers; organisation?: SectionAnswers; project?: SectionAnswers };

/** A community group's complete application, sent: the answers vary only where a test cares. */
export async function sendApplication(
  ...draftOf: Parameters<typeof completeDraft>
): Promise<GrantApplication> {
  const [db, group, now] = draftOf;
  const draft = await completeDraft(...draftOf);
  return submitApplication(db, group, now, draft.id);
}

/** A community group's application with every section answered, not yet sent. */
export async function completeDraft(
  db: Db,
  group: Actor,
  now: Date,
  programmeId: string,
  answers: DraftAnswers = {},
): Promise<GrantApplication> {
  const draft = await startApplication(db, group, now, programmeId);
  await saveApplicationSection(db, group, now, draft.id, "eligibility", {
    local: "yes",
    profit: "no",
    ...answers.eligibility,
  });
  await saveApplicationSection(db, group, now, draft.id, "organisation", {
    organisationName: "Hoo Wildlife",
    organisationType: "community-group",
    postcode: "ME3 9AA",
    town: "Hoo",
    ...answers.organisation,
  });
  await saveApplicationSection(db, group, now, draft.id, "contact", {
    contactName: "Jo",
    contactEmail: "jo@example.org",
  });
  await saveApplicationSection(db, group, now, draft.id, "project", {
    projectTitle: "Wardens",
    projectSummary: "Volunteer wardens",
    amountRequestedPence: "1000",
    outcomeCodes: ["SK2"],
    ...answers.project,
  });
  return draft;
}

/** An award of `pounds` for a grant running from 1 July to 31 December 2026 (one instalment, due 1 July). */
export function awardDecision(pounds: string, people: GrantPeople): DecisionInput {
  return {
    decision: "award",
    reason: "Good",
    amountAwarded: pounds,
    startDate: "2026-07-01",
    endDate: "2026-12-31",
    ...people,
    conditions: "C",
    monitoringFrequency: "end-of-grant",
  };
}

/** Assesses and moderates a sent application, so that it waits for the award decision. */
export async function assessAndModerate(
  db: Db,
  staff: { officer: Actor; manager: Actor },
  now: Date,
  applicationId: string,
): Promise<void> {
  await assessApplication(db, staff.officer, now, applicationId, {
    conflictDeclared: "no",
    scores: { need: "4", delivery: "4" },
  });
  await moderateApplication(db, staff.manager, now, applicationId, { note: "Fine" });
}

/** Assesses, moderates and awards a sent application: the shortest path to a grant. */
export async function awardApplication(
  db: Db,
  staff: { officer: Actor; manager: Actor },
  now: Date,
  applicationId: string,
): Promise<GrantAward> {
  await assessAndModerate(db, staff, now, applicationId);
  const people = await grantPeople(db, staff.manager.organisationId);
  const { grant } = await decideApplication(
    db,
    staff.manager,
    now,
    applicationId,
    awardDecision("1000", people),
  );
  if (!grant) throw new Error("The award made no grant");
  return grant;
}
