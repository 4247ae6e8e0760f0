import { gardenCampaignInput } from "../src/modules/crowdfunding/test-support/pledge-journey.ts";
import { awardDecision, directAwardInput } from "../src/modules/grants/test-support.ts";
import type { OrganisationRecords } from "./cross-organisation-fixture.ts";

// Issue 18 item 8: every API operation that takes a reference, once per reference field. `body(from, own)`
// takes the field's id from `from` (the other organisation's records, or our own) and everything else from
// `own`, so the only difference between the refused and the accepted request is that one id.

type Records = OrganisationRecords;
export type ReferenceOperation = {
  field: string;
  method: "POST" | "PUT";
  path: (own: Records, from: Records) => string;
  body: (from: Records, own: Records) => unknown;
  /** Where a wrongly accepted request would have written. */
  table: string;
};

const project = (overrides: Record<string, unknown>) => ({
  name: "Youth club",
  kind: "project",
  stage: "idea",
  themeCodes: ["wellbeing"],
  areas: [{ laCode: "E06000035" }],
  need: "yes",
  bestPlaced: "yes",
  canResource: "yes",
  theoryOfChange: { inputs: "Hall", activities: "Club", outputs: "Sessions", outcomes: "Friends" },
  ...overrides,
});
const session = (overrides: Record<string, unknown>) => ({
  title: "Lunch",
  heldOn: "2026-06-11",
  durationMinutes: 60,
  depth: "light",
  laCode: "E06000035",
  ...overrides,
});
const outcome = (participantId: string, projectId: string) => ({
  participantId,
  projectId,
  achievedOn: "2026-06-01",
  evidence: "Survey",
});
const safetyCase = (homeId: string, party: Record<string, unknown>) => ({
  category: "noise",
  locationType: "home",
  homeId,
  summary: "Loud music",
  openedOn: "2026-06-01",
  parties: [{ role: "complainant", name: "Nia Okoro", ...party }],
});
const programme = (frameworkOutcomeIds: string[]) => ({
  code: `P-${frameworkOutcomeIds[0]?.slice(-6)}`,
  title: "Community Chest",
  description: "Small grants for community projects.",
  grantType: "innovation",
  budgetPence: 5_000_000,
  maxAwardPence: 1_000_000,
  opensOn: "2026-07-01",
  closesOn: "2026-07-31",
  eligibilityQuestions: [
    {
      id: "local",
      question: "Is the project in Medway?",
      expected: "yes",
      failureReason: "It must be in Medway",
    },
  ],
  scoringCriteria: [{ id: "need", name: "Evidence of need", weight: 1 }],
  outcomes: [],
  frameworkOutcomeIds,
});
const contractPledge = (supplierId: string, needIds: string[]) => ({
  supplierId,
  needIds,
  theme: "community-development",
  resourceType: "materials",
  description: "Paint and brushes for the hall",
  valuePence: 80_000,
  dueBy: "2026-09-30",
});
const fixed = (path: string) => () => path;

export const referenceOperations: ReferenceOperation[] = [
  {
    field: "homeId",
    method: "POST",
    path: fixed("/people"),
    body: (from) => ({ givenName: "Nia", familyName: "Okoro", personType: "tenant", homeId: from.homeId }),
    table: "person",
  },
  {
    field: "homeId",
    method: "POST",
    path: fixed("/safety/reports"),
    body: (from) => ({
      category: "noise",
      description: "Loud music",
      happenedOn: "2026-06-01",
      homeId: from.homeId,
    }),
    table: "safety_report",
  },
  {
    field: "homeId",
    method: "POST",
    path: fixed("/safety/cases"),
    body: (from) => safetyCase(from.homeId, {}),
    table: "safety_case",
  },
  {
    field: "parties[].personId",
    method: "POST",
    path: fixed("/safety/cases"),
    body: (from, own) => safetyCase(own.homeId, { personId: from.personId }),
    table: "safety_case",
  },
  {
    field: "personId",
    method: "POST",
    path: fixed("/investment/participants"),
    body: (from) => ({ personId: from.newcomerId, communities: [] }),
    table: "participant",
  },
  {
    field: "{id} of PUT /homes/{id}",
    method: "PUT",
    path: (_own, from) => `/homes/${from.homeId}`,
    body: () => ({
      uprn: "9100",
      addressLine1: "1 Taken Street",
      town: "Testtown",
      postcode: "ME1 1AA",
      tenure: "social-rent",
      laCode: "E06000035",
    }),
    table: "home",
  },
  {
    field: "leadPartnerId",
    method: "POST",
    path: fixed("/investment/projects"),
    body: (from) => project({ leadPartnerId: from.partnerId }),
    table: "project",
  },
  {
    field: "partnerIds",
    method: "POST",
    path: fixed("/investment/projects"),
    body: (from) => project({ partnerIds: [from.partnerId] }),
    table: "project",
  },
  {
    field: "assetId",
    method: "POST",
    path: fixed("/investment/projects"),
    body: (from) => project({ assetId: from.assetId }),
    table: "project",
  },
  {
    field: "changeTemplateId",
    method: "POST",
    path: fixed("/investment/projects"),
    body: (from) => project({ changeTemplateId: from.templateId }),
    table: "project",
  },
  {
    field: "changeTemplateId",
    method: "POST",
    path: (own) => `/investment/projects/${own.projectId}/theory-of-change`,
    body: (from) => ({ changeTemplateId: from.templateId }),
    table: "project",
  },
  {
    field: "projectId",
    method: "POST",
    path: fixed("/investment/sessions"),
    body: (from) => session({ projectId: from.projectId }),
    table: "activity_session",
  },
  {
    field: "assetId",
    method: "POST",
    path: fixed("/investment/sessions"),
    body: (from, own) => session({ projectId: own.projectId, assetId: from.assetId }),
    table: "activity_session",
  },
  {
    field: "attendees[].participantId",
    method: "POST",
    path: (own) => `/investment/sessions/${own.sessionId}/attendance`,
    body: (from) => ({ attendees: [{ participantId: from.participantId }] }),
    table: "attendance",
  },
  {
    field: "participantId",
    method: "POST",
    path: fixed("/impact/outcomes"),
    body: (from, own) => outcome(from.participantId, own.projectId),
    table: "outcome_record",
  },
  {
    field: "projectId",
    method: "POST",
    path: fixed("/impact/outcomes"),
    body: (from, own) => outcome(own.participantId, from.projectId),
    table: "outcome_record",
  },
  {
    field: "outcomes[].participantId",
    method: "POST",
    path: fixed("/impact/outcomes"),
    body: (from, own) => ({
      outcomes: [outcome(own.participantId, own.projectId), outcome(from.participantId, own.projectId)],
    }),
    table: "outcome_record",
  },
  {
    field: "outcomes[].projectId",
    method: "POST",
    path: fixed("/impact/outcomes"),
    body: (from, own) => ({ outcomes: [outcome(own.participantId, from.projectId)] }),
    table: "outcome_record",
  },
  {
    field: "frameworkOutcomeIds",
    method: "POST",
    path: fixed("/grants/programmes"),
    body: (from) => programme([from.frameworkOutcomeId]),
    table: "grant_programme",
  },
  {
    field: "grantOwnerUserId",
    method: "POST",
    path: fixed("/grants/direct-awards"),
    body: (from, own) => directAwardInput({ ...own, grantOwnerUserId: from.grantOwnerUserId }),
    table: "grant_award",
  },
  {
    field: "accountableOfficerUserId",
    method: "POST",
    path: fixed("/grants/direct-awards"),
    body: (from, own) =>
      directAwardInput({ ...own, accountableOfficerUserId: from.accountableOfficerUserId }),
    table: "grant_award",
  },
  ...(["grantOwnerUserId", "accountableOfficerUserId"] as const).map((field, index) => ({
    field,
    method: "POST" as const,
    path: (own: Records) => `/grants/applications/${own.applicationsAwaitingDecision[index]}/decision`,
    body: (from: Records, own: Records) => awardDecision("1000", { ...own, [field]: from[field] }),
    table: "grant_award",
  })),
  {
    field: "groupId",
    method: "POST",
    path: fixed("/crowdfunding/campaigns"),
    body: (from) => gardenCampaignInput(from.groupId, "Friends of Westfield Park"),
    table: "crowdfunding_campaign",
  },
  {
    field: "rewardTierId",
    method: "POST",
    path: (own) => `/crowdfunding/campaigns/${own.campaignId}/pledges`,
    body: (from) => ({
      amountPence: 1_000,
      backerName: "Sam Backer",
      backerEmail: "sam@example.org",
      rewardTierId: from.rewardTierId,
    }),
    table: "crowdfunding_pledge",
  },
  {
    field: "fundId",
    method: "POST",
    path: (own) => `/crowdfunding/campaigns/${own.campaignId}/match-pledges`,
    body: (from) => ({ fundId: from.fundId, amountPence: 10_000, scores: { benefit: 4 } }),
    table: "crowdfunding_match_pledge",
  },
  {
    field: "needIds",
    method: "POST",
    path: (own) => `/exchange/contracts/${own.contractId}/pledges`,
    body: (from, own) => contractPledge(own.supplierId, [from.needId]),
    table: "exchange_pledge",
  },
  {
    field: "supplierId",
    method: "POST",
    path: (own) => `/exchange/contracts/${own.contractId}/pledges`,
    body: (from) => contractPledge(from.supplierId, []),
    table: "exchange_pledge",
  },
  {
    field: "opportunityId",
    method: "POST",
    path: fixed("/volunteering/hours"),
    body: (from) => ({ opportunityId: from.opportunityId, workedOn: "2026-06-10", hours: 2 }),
    table: "vol_hours",
  },
];
