import { actorFor, testNow } from "../../../test/fixtures.ts";
import type { Db } from "../../platform/db/database.ts";
import { createPerson } from "../people/index.ts";

// Shared inputs for this module's tests: the process form as an officer fills it in, for a
// greedy approval vote in June 2026. Each test overrides only what it is about.

export function processForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Green fund",
    summary: "Spend £5,000",
    areaKind: "all",
    eligibility: "residents",
    minimumAge: "16",
    ballotKind: "approval",
    rule: "greedy",
    utility: "cost",
    completion: "none",
    proposalsOpen: "2026-06-01",
    reviewOpen: "2026-06-10",
    votingOpen: "2026-06-12",
    votingClose: "2026-06-30",
    resultsDate: "2026-07-01",
    budget1Name: "All",
    budget1Amount: "£5,000",
    ...overrides,
  };
}

/** An adult tenant who can vote, optionally with an email address for voting codes. */
export async function adultVoter(db: Db, organisationId: string, givenName: string, email?: string) {
  const person = await createPerson(db, actorFor(organisationId, "officer"), testNow, {
    givenName,
    familyName: "Voter",
    dateOfBirth: "1980-01-01",
    personType: "tenant",
    confirmNotDuplicate: "yes",
    ...(email ? { email } : {}),
  });
  return person.id;
}
