import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { createProgramme } from "./commands/create-programme.ts";
import type { DirectAwardInput } from "./commands/direct-awards.ts";
import type { GrantProgramme } from "./schema.ts";

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

export function directAwardInput(overrides: Partial<DirectAwardInput> = {}): DirectAwardInput {
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
    grantOwner: "Priya Shah",
    accountableOfficer: "Director of Communities",
    conditions: "Spend only on the agreed project; report quarterly.",
    monitoringFrequency: "quarterly",
    ...overrides,
  };
}
