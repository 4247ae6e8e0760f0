import type { Actor } from "../../platform/access/actor.ts";
import { addMonths } from "../../platform/dates/calendar.ts";
import { addDays } from "../../platform/dates/london.ts";
import type { Db } from "../../platform/db/database.ts";
import { listFrameworkOutcomes } from "../investment/index.ts";
import { homesByLocalAuthority } from "../places/index.ts";
import { createProgramme } from "./commands/create-programme.ts";
import { type DecisionInput, decideApplication } from "./commands/decide-application.ts";
import { userIdOf } from "./commands/grant-controls.ts";
import { type DemoApplication, seedApplications } from "./seed-applications.ts";
import { applicants, areaForTown, strategicApplicants } from "./seed-organisations.ts";

// The demo's three programme rounds: last year's Community Chest (closed, one-year
// innovation grants), Strategic Partnerships (closed, three-year strategic grants with
// annual payments) and this year's Community Chest, open now for the apply journey.

export type SeedActors = {
  db: Db;
  manager: Actor;
  officer: Actor;
  /** The second assessor on the Community Chest panel (not the manager who decides). */
  panel: Actor;
  group: Actor;
  today: string;
  random: () => number;
};

export function at(day: string): Date {
  return new Date(`${day}T10:00:00.000Z`);
}

export async function seedRounds({
  db,
  manager,
  officer,
  panel,
  group,
  today,
  random,
}: SeedActors): Promise<void> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const areas = await homesByLocalAuthority(db, manager.organisationId);
  // Round 1: last year's Community Chest (innovation, one-year grants).
  const round1Opens = addMonths(today, -16);
  const round1 = await createProgramme(db, manager, at(round1Opens), {
    code: `CC-${round1Opens.slice(0, 4)}`,
    title: `Community Chest ${round1Opens.slice(0, 4)}`,
    description:
      "One-off grants of up to £10,000 for community-led projects, pilots and new groups in our neighbourhoods.",
    grantType: "innovation",
    budgetPence: 12_000_000,
    maxAwardPence: 1_000_000,
    opensOn: round1Opens,
    closesOn: addMonths(round1Opens, 2),
    eligibilityQuestions: [
      {
        id: "local",
        question: "Will your project take place in Kent or Medway?",
        expected: "yes",
        failureReason: "Projects must take place in Kent or Medway",
      },
      {
        id: "not-for-profit",
        question: "Is your organisation not-for-profit?",
        expected: "yes",
        failureReason: "Only not-for-profit organisations can apply",
      },
      {
        id: "statutory",
        question: "Would the grant pay for something the law requires a public body to provide?",
        expected: "no",
        failureReason: "Grants cannot replace statutory services",
      },
    ],
    scoringCriteria: [
      { id: "need", name: "Evidence of local need", weight: 3 },
      { id: "involvement", name: "Residents involved in design and delivery", weight: 2 },
      { id: "delivery", name: "Ability to deliver", weight: 2 },
      { id: "value", name: "Value for money", weight: 1 },
    ],
    outcomes: [
      { code: "CI-1", title: "Residents feel less isolated" },
      { code: "CI-2", title: "Residents gain skills or qualifications" },
      { code: "CI-3", title: "Safer, greener shared spaces" },
    ],
    // Linked to the community investment outcome framework where the organisation has one.
    frameworkOutcomeIds: (await listFrameworkOutcomes(db, manager))
      .filter((outcome) => outcome.themeCode === "resilient-communities")
      .map((outcome) => outcome.id),
  });
  // An award from the start day for whole months, owned by `owner` and answered for by the manager.
  const award = (
    town: string,
    start: string,
    months: number,
    owner: Actor,
    terms: Pick<
      DecisionInput & { decision: "award" },
      "reason" | "amountAwarded" | "conditions" | "monitoringFrequency"
    >,
  ): DecisionInput => ({
    decision: "award",
    ...terms,
    startDate: start,
    endDate: addDays(addMonths(start, months), -1),
    grantOwnerUserId: userIdOf(owner) ?? "",
    accountableOfficerUserId: userIdOf(manager) ?? "",
    beneficiaryLaCode: areaForTown(town, areas),
  });
  const round1Now = at(addMonths(round1Opens, 1));
  const decisionNow = at(addMonths(round1Opens, 3));
  const outcomeOf = (index: number) =>
    index < 8 ? "award" : index < 10 ? "decline" : index === 10 ? "waitlist" : "ineligible";
  const requests: number[] = [];
  const round1Applications = applicants.map((applicant, index): DemoApplication => {
    const outcome = outcomeOf(index);
    const requested = (2 + Math.floor(random() * 8)) * 100_000;
    requests.push(requested);
    const sections = {
      eligibility: {
        local: outcome === "ineligible" ? "no" : "yes",
        "not-for-profit": "yes",
        statutory: "no",
      },
      organisation: applicant.organisation,
      contact: applicant.contact,
      project: {
        projectTitle: applicant.project,
        projectSummary: applicant.summary,
        amountRequestedPence: String(requested / 100),
        outcomeCodes: [pick(round1.outcomes.map((outcome) => outcome.code))],
      },
    };
    // Two demo applications show a budget: staff time and equipment, adding up to the request.
    const staff = Math.round((requested * 0.6) / 100) * 100;
    const budgetLines =
      index < 2
        ? [
            { description: "Sessional organiser, 6 hours a week", amount: staff, category: "staff" },
            { description: "Equipment and materials", amount: requested - staff, category: "equipment" },
          ].map((line) => ({ ...line, amount: String(line.amount / 100), otherFunding: "no" }))
        : [];
    if (outcome === "ineligible") return { sections, budgetLines, assessments: [] };
    const strong = outcome === "award";
    const score = () => String(strong ? 3 + Math.floor(random() * 3) : Math.floor(random() * 3));
    const first = {
      assessor: officer,
      input: {
        conflictDeclared: "no" as const,
        scores: { need: score(), involvement: score(), delivery: score(), value: score() },
        comment: "Scored against the published criteria.",
      },
    };
    const second =
      index === 3
        ? {
            assessor: panel,
            input: {
              conflictDeclared: "yes" as const,
              conflictDetail: "I am a trustee of this organisation.",
            },
          }
        : {
            assessor: panel,
            input: {
              conflictDeclared: "no" as const,
              scores: { need: score(), involvement: score(), delivery: score(), value: score() },
            },
          };
    return {
      sections,
      budgetLines,
      assessments: [first, second],
      moderation: { moderator: manager, input: { note: "Panel agreed the assessors' scores." } },
    };
  });
  const round1Ids = await seedApplications(
    db,
    group,
    round1,
    { sentAt: round1Now, assessedAt: decisionNow },
    round1Applications,
  );
  for (const [index, applicant] of applicants.entries()) {
    const outcome = outcomeOf(index);
    if (outcome === "ineligible") continue;
    const start = addMonths(round1Opens, 4);
    await decideApplication(
      db,
      manager,
      decisionNow,
      round1Ids[index],
      outcome === "award"
        ? award(applicant.organisation.town, start, 12, officer, {
            reason: "Scored above the funding threshold; clear local need.",
            amountAwarded: String(requests[index] / 100),
            conditions:
              "Spend the grant only on the project described. Acknowledge the funding. Return any unspent money.",
            monitoringFrequency: index % 2 === 0 ? "six-monthly" : "end-of-grant",
          })
        : {
            decision: outcome,
            reason:
              outcome === "decline"
                ? "Scored below the funding threshold: the need was not evidenced."
                : "Fundable, but the budget is fully committed; held on the waiting list.",
          },
    );
  }

  // Round 2: strategic partnerships, multi-year with annual payments.
  const round2Opens = addMonths(today, -8);
  const round2 = await createProgramme(db, manager, at(round2Opens), {
    code: `SP-${round2Opens.slice(0, 4)}`,
    title: "Strategic Partnerships",
    description:
      "Three-year funding for established partners delivering tenancy sustainment, money advice and employment support.",
    grantType: "strategic",
    budgetPence: 60_000_000,
    maxAwardPence: 20_000_000,
    opensOn: round2Opens,
    closesOn: addMonths(round2Opens, 1),
    eligibilityQuestions: [
      {
        id: "accounts",
        question: "Has your organisation filed two years of accounts?",
        expected: "yes",
        failureReason: "Strategic partners need two years of accounts",
      },
    ],
    scoringCriteria: [
      { id: "outcomes", name: "Track record of outcomes", weight: 4 },
      { id: "partnership", name: "Partnership working", weight: 2 },
      { id: "value", name: "Value for money", weight: 2 },
    ],
    outcomes: [
      { code: "TS-1", title: "Tenancies sustained" },
      { code: "MA-1", title: "Household income maximised" },
      { code: "EM-1", title: "Residents into work" },
    ],
  });
  const round2Now = at(addMonths(round2Opens, 0));
  const round2Decision = at(addMonths(round2Opens, 2));
  const round2Ids = await seedApplications(
    db,
    group,
    round2,
    { sentAt: round2Now, assessedAt: round2Decision },
    strategicApplicants.map((applicant, index): DemoApplication => {
      const sections = {
        eligibility: { accounts: "yes" },
        organisation: applicant.organisation,
        contact: applicant.contact,
        project: {
          projectTitle: applicant.project,
          projectSummary: applicant.summary,
          amountRequestedPence: "150000",
          outcomeCodes: [["TS-1", "MA-1", "EM-1"][index % 3]],
        },
      };
      // The fifth is still being assessed.
      if (index === 4) return { sections, budgetLines: [], assessments: [] };
      const scores = { outcomes: index < 3 ? "5" : "2", partnership: "4", value: index < 3 ? "4" : "1" };
      return {
        sections,
        budgetLines: [],
        assessments: [{ assessor: officer, input: { conflictDeclared: "no", scores } }],
        moderation: { moderator: manager, input: { note: "Moderated by the strategic panel." } },
      };
    }),
  );
  for (const [index, applicant] of strategicApplicants.entries()) {
    if (index === 4) continue;
    const start = addMonths(round2Opens, 3);
    await decideApplication(
      db,
      manager,
      round2Decision,
      round2Ids[index],
      index < 3
        ? award(applicant.organisation.town, start, 36, manager, {
            reason: "Strong track record and partnership working; three-year award with annual payments.",
            amountAwarded: "150000",
            conditions:
              "Deliver the agreed service across the grant period. Quarterly returns on the agreed outcomes.",
            monitoringFrequency: "quarterly",
          })
        : { decision: "decline", reason: "Outcomes evidence too thin for a three-year commitment." },
    );
  }

  // Round 3 is open now: the apply journey uses it.
  await createProgramme(db, manager, at(addMonths(today, -1)), {
    code: `CC-${today.slice(0, 4)}-OPEN`,
    title: `Community Chest ${today.slice(0, 4)}`,
    description:
      "One-off grants of up to £10,000 for community-led projects. Open to community groups, charities and social enterprises in our neighbourhoods.",
    grantType: "innovation",
    budgetPence: 15_000_000,
    maxAwardPence: 1_000_000,
    opensOn: addMonths(today, -1),
    closesOn: addMonths(today, 2),
    eligibilityQuestions: round1.eligibilityQuestions,
    scoringCriteria: round1.scoringCriteria,
    outcomes: round1.outcomes,
  });
}
