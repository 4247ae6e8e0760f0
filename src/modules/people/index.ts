// What other modules may use from people: commands and queries only.

export { createPerson, PossibleDuplicateProblem } from "./commands/create-person.ts";
export { createPartnerOrganisation, orgIdentifierFor } from "./commands/partner-organisations.ts";
export { recordEquality } from "./commands/record-equality.ts";
export { findPossibleDuplicates } from "./queries/duplicates.ts";
export * from "./queries/equality-aggregate.ts";
export { householdOf } from "./queries/household.ts";
export {
  findOwnPartnerOrganisation,
  getPartnerOrganisation,
  listPartnerOrganisations,
  listPartnerOrganisationsForSeed,
} from "./queries/partners.ts";
export {
  ageBand,
  ageBandWords,
  ageOn,
  findPeople,
  getEqualityProfile,
  getPerson,
  listPeopleAtHome,
  listPeopleForSeed,
} from "./queries/people.ts";
export { listResidentsWithEmail, type ResidentWithEmail } from "./queries/residents-with-email.ts";
export {
  describePeople,
  likePrefix,
  type PersonDetail,
  personReference,
  searchPeople,
  searchTerm,
} from "./queries/search-people.ts";
export type { PartnerKind, PartnerOrganisation, Person, PersonType } from "./schema.ts";
export { partnerKinds, personTypes } from "./schema.ts";
