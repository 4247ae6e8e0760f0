import type { Hono } from "hono";
import { createFund } from "../src/modules/crowdfunding/commands/create-fund.ts";
import {
  councilMatchFundInput,
  launchCampaign,
} from "../src/modules/crowdfunding/test-support/pledge-journey.ts";
import { createContract } from "../src/modules/exchange/commands/create-contract.ts";
import { moderateNeed } from "../src/modules/exchange/commands/moderate-need.ts";
import { postNeed } from "../src/modules/exchange/commands/post-need.ts";
import {
  assessAndModerate,
  grantPeople,
  makeProgramme,
  sendApplication,
} from "../src/modules/grants/test-support.ts";
import { createChangeTemplate, recordSession, registerParticipant } from "../src/modules/investment/index.ts";
import { listFrameworkOutcomes } from "../src/modules/investment/queries/outcome-framework.ts";
import { makeLunchClub } from "../src/modules/investment/test-project.ts";
import { createPartnerOrganisation } from "../src/modules/people/index.ts";
import { createCommunityAsset } from "../src/modules/places/index.ts";
import { makeHomes, makePerson } from "../src/modules/safety/testing/fixtures.ts";
import { applyForOpportunity } from "../src/modules/volunteering/commands/apply.ts";
import { decideApplication } from "../src/modules/volunteering/commands/decide-application.ts";
import { decideOpportunity } from "../src/modules/volunteering/commands/decide-opportunity.ts";
import { postOpportunity } from "../src/modules/volunteering/commands/post-opportunity.ts";
import type { Organisation } from "../src/platform/access/organisations.ts";
import { allScopes, createApiToken } from "../src/platform/auth/api-tokens.ts";
import { actorForUser } from "../src/platform/auth/users.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, testNow } from "./fixtures.ts";

// Issue 18 item 8: one organisation's records of every kind another record can point at, made the same
// way for "ours" and "theirs", so a test can swap one id for the other organisation's and nothing else.

export type OrganisationRecords = Awaited<ReturnType<typeof seedOrganisationRecords>>;
export type ReferenceWorld = {
  database: Database;
  app: Hono<AppEnv>;
  ours: OrganisationRecords;
  theirs: OrganisationRecords;
  /** Rows of ours in a table; for the audit log, only changes (showing a form again may audit a read). */
  writtenRows: (table: string) => Promise<number>;
};

/** One database, both organisations seeded once: what each test file's beforeAll opens. */
export async function openReferenceWorld(): Promise<ReferenceWorld> {
  const database = await openTestDatabase();
  const app = await buildTestApp(database);
  const ours = await seedOrganisationRecords(database, "Ours", 9100);
  const theirs = await seedOrganisationRecords(database, "Theirs", 9200);
  const writtenRows = async (table: string) =>
    (
      await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1${table === "audit_log" ? " AND action <> 'read'" : ""}`,
        [ours.organisationId],
      )
    )[0].n;
  return { database, app, ours, theirs, writtenRows };
}

/** Every referenced kind once, plus an admin (with an all-scopes token) who is also a placed volunteer. */
export async function seedOrganisationRecords(database: Database, name: string, uprnBase: number) {
  const db = database.db;
  const organisation = await makeOrganisation(db, name);
  const organisationId = organisation.id;
  const manager = actorFor(organisationId, "manager");
  const [homeId = ""] = await makeHomes(database, organisationId, "E06000035", 1, uprnBase);
  const personId = await makePerson(database, organisationId, "Olu", name, homeId);
  const newcomerId = await makePerson(database, organisationId, "Nia", name, homeId);
  const partner = (kind: string, label: string) =>
    createPartnerOrganisation(db, manager, testNow, { name: `${name} ${label}`, kind });
  const partnerId = (await partner("charity", "partners")).id;
  const groupId = (await partner("community-group", "residents")).id;
  const supplierId = (await partner("supplier", "builders")).id;
  const asset = await createCommunityAsset(database, manager, testNow, {
    name: `${name} hall`,
    assetType: "community-hall",
    laCode: "E06000035",
    owner: `${name} trust`,
  });
  const projectId = await makeLunchClub(db, manager, testNow);
  const [frameworkOutcome] = await listFrameworkOutcomes(db, manager);
  const templateId = (
    await createChangeTemplate(db, manager, testNow, {
      name: "Lunch clubs",
      inputs: "Hall",
      activities: "Lunch",
      outputs: "Meals",
      outcomes: "Friends",
    })
  ).id;
  const participantId = (await registerParticipant(db, manager, testNow, { personId, communities: [] })).id;
  const sessionId = (
    await recordSession(db, manager, testNow, {
      projectId,
      title: "Lunch",
      heldOn: "2026-06-10",
      durationMinutes: 90,
      depth: "light",
      laCode: "E06000035",
    })
  ).id;
  const adminEmail = `admin@${uprnBase}.example`;
  const admin = await addUser(database, organisationId, "organisation-admin", adminEmail);
  const token = (
    await createApiToken(db, actorForUser(admin), testNow, { name: "all scopes", scopes: allScopes })
  ).token;
  return {
    organisationId,
    token,
    adminEmail,
    homeId,
    personId,
    newcomerId,
    partnerId,
    groupId,
    supplierId,
    assetId: asset.id,
    frameworkOutcomeId: frameworkOutcome?.id ?? "",
    templateId,
    projectId,
    participantId,
    sessionId,
    ...(await grantPeople(db, organisationId)),
    applicationsAwaitingDecision: await applicationsAwaitingDecision(database, organisationId),
    ...(await campaignRecords(database, organisation)),
    ...(await exchangeRecords(database, organisationId, groupId)),
    opportunityId: await placedRole(database, organisationId, admin.id),
  };
}

/** Two sent grant applications, assessed and moderated: one decision for each staff field. */
async function applicationsAwaitingDecision(database: Database, organisationId: string) {
  const staff = {
    officer: actorFor(organisationId, "officer"),
    manager: actorFor(organisationId, "manager"),
  };
  const programme = await makeProgramme(database.db, staff.manager, testNow);
  const ids: string[] = [];
  for (const _ of [1, 2]) {
    const sent = await sendApplication(
      database.db,
      actorFor(organisationId, "community-group"),
      testNow,
      programme.id,
    );
    await assessAndModerate(database.db, staff, testNow, sent.id);
    ids.push(sent.id);
  }
  return ids;
}

/** A live campaign with one reward tier, and an open match fund. */
async function campaignRecords(database: Database, organisation: Organisation) {
  const organisationId = organisation.id;
  const campaign = await launchCampaign(database, organisation, "Community garden", 800_000);
  const [tier] = await database.query<{ id: string }>(
    "SELECT id FROM crowdfunding_reward_tier WHERE organisation_id = $1 AND campaign_id = $2",
    [organisationId, campaign.id],
  );
  const fund = await createFund(
    database.db,
    actorFor(organisationId, "manager"),
    testNow,
    councilMatchFundInput({
      name: "Community match",
      minBackers: 3,
      criteria: [{ key: "benefit", label: "Community benefit", max: 5 }],
      passMark: 1,
    }),
  );
  return { campaignId: campaign.id, rewardTierId: tier?.id ?? "", fundId: fund.id };
}

/** A tendered contract and an approved, open need. */
async function exchangeRecords(database: Database, organisationId: string, groupId: string) {
  const officer = actorFor(organisationId, "officer");
  const contract = await createContract(database.db, officer, testNow, {
    title: "Responsive repairs 2026–2029",
    description: "Repairs to 7,000 homes.",
    valuePence: 100_000_000,
    weightingBp: 1000,
    themes: ["community-development"],
    themeWeights: {},
    fullMarksShareBp: 500,
    tenderCloses: "2026-07-31",
  });
  const group = actorFor(organisationId, "community-group", { partnerOrganisationId: groupId });
  const need = await postNeed(database.db, group, testNow, {
    communityOrgName: "Residents",
    title: "Paint for the hall",
    description: "Twenty litres of emulsion and brushes.",
    category: "materials",
    valuePence: 80_000,
    location: "Chatham",
    laCode: "E06000035",
  });
  await moderateNeed(database.db, officer, testNow, need.id, { decision: "approve" });
  return { contractId: contract.id, needId: need.id };
}

/** An approved role with the admin placed in it, so they may log their own hours against it. */
async function placedRole(database: Database, organisationId: string, userId: string) {
  const officer = actorFor(organisationId, "officer");
  const role = await postOpportunity(database.db, officer, testNow, {
    title: "Garden helper",
    description: "Help in the community garden.",
    activity: "Gardening",
    theme: "environment",
    skills: ["teaching"],
    interests: ["young-people"],
    availability: ["weekday-afternoons"],
    remote: "no",
    locationName: "Community garden",
    postcode: "me4 5ay",
    timeCommitment: "2 hours a week",
    dbsRequired: "no",
    trainingRequired: [],
    minimumAge: "18",
    places: "5",
  });
  await decideOpportunity(database.db, officer, testNow, role.id, "approve");
  const application = await applyForOpportunity(
    database.db,
    organisationId,
    testNow,
    role.id,
    { givenName: "Ada", familyName: "Admin", email: `ada-${userId}@example.org`, dateOfBirth: "1980-01-01" },
    { userId },
  );
  await decideApplication(database.db, officer, testNow, application.id, "approve");
  await decideApplication(database.db, officer, testNow, application.id, "place");
  return role.id;
}
