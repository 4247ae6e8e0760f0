import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { createApp } from "../../../app.ts";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import { createApiToken } from "../../../platform/auth/api-tokens.ts";
import { loadSigningSecret } from "../../../platform/auth/secret.ts";
import { actorForUser, createUser } from "../../../platform/auth/users.ts";
import { loadConfig } from "../../../platform/config/config.ts";
import { standardsDirectory } from "../../../platform/config/standards.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  createChangeTemplate,
  createProject,
  createTheme,
  registerParticipant,
} from "../../investment/index.ts";
import { createCommunityAsset } from "../../places/index.ts";
import { modules } from "../../registry.ts";
import { installOpenDefaultBank } from "../commands/import-value-bank.ts";
import { importPostcodeCentroids } from "./commands/import-postcode-centroids.ts";
import { type DirectoryListingInput, setDirectoryListing } from "./commands/set-directory-listing.ts";

// One shared set-up for the Open Referral tests: an organisation with one active service (the
// Chatham Lunch Club at Luton Road Hall, ME4) and one in the pipeline, a participant, an officer's
// API token, and the app. addFilterServices adds the small hand-built data set the filter tests use.

export type DirectoryFixture = {
  database: Database;
  app: ReturnType<typeof createApp>;
  admin: Actor;
  token: string;
  projectId: string;
  participantId: string;
  templateId: string;
};

export async function directoryFixture(): Promise<DirectoryFixture> {
  const database = await openTestDatabase();
  const db = database.db;
  const org = await makeOrganisation(db);
  const admin = systemActor(org.id, "test");
  await createTheme(db, admin, testNow, {
    code: "wellbeing",
    name: "Wellbeing",
    description: "Promoting wellbeing",
  });
  const templateId = (
    await createChangeTemplate(db, admin, testNow, {
      name: "T",
      inputs: "i",
      activities: "Lunch club",
      outputs: "o",
      outcomes: "c",
    })
  ).id;
  const assetId = await addAsset(database, admin, "Luton Road Hall", "ME4 5AA", "E06000035");
  const projectId = await addService(database, admin, templateId, {
    name: "Chatham Lunch Club",
    summary: "A weekly lunch for older residents.",
    themeCodes: ["wellbeing"],
    laCodes: ["E06000035"],
    assetId,
  });
  await createProject(db, admin, testNow, {
    name: "Not yet",
    kind: "project",
    stage: "pipeline",
    themeCodes: ["wellbeing"],
    areas: [{ laCode: "E06000035" }],
    need: "yes",
    bestPlaced: "yes",
    canResource: "yes",
    changeTemplateId: templateId,
  });
  const participantId = (
    await registerParticipant(db, admin, testNow, {
      externalRef: "crm-1",
      displayName: "Ada",
      dateOfBirth: "1950-02-01",
      laCode: "E06000035",
    })
  ).id;
  await installOpenDefaultBank(db, admin, testNow);
  const user = await createUser(db, admin, testNow, {
    organisationId: org.id,
    email: "officer@weald.example",
    name: "Officer",
    role: "officer",
    password: "a-long-enough-password-123",
  });
  const token = (
    await createApiToken(db, actorForUser(user), testNow, {
      name: "CRM sync",
      scopes: ["investment:write", "impact:write"],
    })
  ).token;
  const app = createApp(
    {
      database,
      config: loadConfig({ ...process.env, DATABASE_URL: "" }),
      signingSecret: await loadSigningSecret(db),
      clock: () => testNow,
    },
    modules,
  );
  return { database, app, admin, token, projectId, participantId, templateId };
}

async function addAsset(database: Database, admin: Actor, name: string, postcode: string, laCode: string) {
  return (
    await createCommunityAsset(database, admin, testNow, {
      name,
      assetType: "community-hall",
      address: `1 ${name}`,
      postcode,
      laCode,
      owner: "Weald Homes",
    })
  ).id;
}

async function addService(
  database: Database,
  admin: Actor,
  templateId: string,
  service: { name: string; summary: string; themeCodes: string[]; laCodes: string[]; assetId: string },
  listing?: DirectoryListingInput,
): Promise<string> {
  const id = (
    await createProject(database.db, admin, testNow, {
      name: service.name,
      summary: service.summary,
      kind: "service",
      stage: "active",
      themeCodes: service.themeCodes,
      areas: service.laCodes.map((laCode) => ({ laCode })),
      need: "yes",
      bestPlaced: "yes",
      canResource: "yes",
      changeTemplateId: templateId,
      assetId: service.assetId,
    })
  ).id;
  if (listing) await setDirectoryListing(database.db, admin, testNow, id, listing);
  return id;
}

/**
 * Hand-checkable centroids: ME14 is 0.1° of latitude (11,119.5 m) due south of ME4; CT1 is about
 * 38 km east of ME14. ZZ99 is deliberately absent.
 */
export const testCentroidsCsv = `district,latitude,longitude,la_code
ME4,51.38,0.53,E06000035
ME14,51.28,0.53,E07000110
CT1,51.28,1.08,E07000106
`;

/**
 * The filter data set, beside the lunch club (Medway, ME4; given ages 60+ and Wednesday 12:00-14:00):
 *  - Canterbury Youth Club, CT1, Canterbury only, ages 11-18, Monday and Thursday 16:00-18:30;
 *  - Maidstone Job Club, ME14, Maidstone and Medway, 18+, Tuesday 09:30-12:30, theme "work";
 *  - Chatham Drop-in, ME4, Medway, no listing (any age, no weekly times).
 */
export async function addFilterServices(fixture: DirectoryFixture) {
  const { database, admin, templateId } = fixture;
  await importPostcodeCentroids(database.db, admin, testNow, testCentroidsCsv, "Hand-made for tests");
  await createTheme(database.db, admin, testNow, { code: "work", name: "Work", description: "Into work" });
  await setDirectoryListing(database.db, admin, testNow, fixture.projectId, {
    minimumAge: 60,
    schedules: [{ days: ["WE"], opensAt: "12:00", closesAt: "14:00" }],
  });
  const hub = await addAsset(database, admin, "Canterbury Hub", "CT1 2AA", "E07000106");
  const youth = await addService(
    database,
    admin,
    templateId,
    {
      name: "Canterbury Youth Club",
      summary: "Games and homework help.",
      themeCodes: ["wellbeing"],
      laCodes: ["E07000106"],
      assetId: hub,
    },
    {
      minimumAge: 11,
      maximumAge: 18,
      schedules: [{ days: ["MO", "TH"], opensAt: "16:00", closesAt: "18:30" }],
    },
  );
  const centre = await addAsset(database, admin, "Maidstone Centre", "ME14 1AA", "E07000110");
  const job = await addService(
    database,
    admin,
    templateId,
    {
      name: "Maidstone Job Club",
      summary: "CVs and interviews.",
      themeCodes: ["work"],
      laCodes: ["E07000110", "E06000035"],
      assetId: centre,
    },
    { minimumAge: 18, schedules: [{ days: ["TU"], opensAt: "09:30", closesAt: "12:30" }] },
  );
  const hall = (
    await database.query<{ id: string }>("SELECT id FROM community_asset WHERE name = 'Luton Road Hall'")
  )[0].id;
  const dropIn = await addService(database, admin, templateId, {
    name: "Chatham Drop-in",
    summary: "Tea and advice.",
    themeCodes: ["wellbeing"],
    laCodes: ["E06000035"],
    assetId: hall,
  });
  return { lunch: fixture.projectId, youth, job, dropIn };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export type OrukValidators = Record<
  | "service"
  | "serviceList"
  | "serviceAtLocation"
  | "serviceAtLocationList"
  | "taxonomy"
  | "taxonomyTerm"
  | "page",
  ValidateFunction
>;

/** Validators for every ORUK 3.0 response, from the schemas kept beside the repository. */
export async function orukValidators(): Promise<OrukValidators> {
  const schemaDir = standardsDirectory("openreferral-uk", "schema");
  const schema = async (file: string) =>
    JSON.parse(await readFile(path.join(schemaDir, file), "utf8")) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(await schema("taxonomy_term.json"), "taxonomy_term.json");
  const openapi = await schema("openapi.json");
  return {
    service: ajv.compile(await schema("compiled/service.json")),
    serviceList: ajv.compile(await schema("compiled/service_list.json")),
    serviceAtLocation: ajv.compile(await schema("compiled/service_at_location.json")),
    serviceAtLocationList: ajv.compile(await schema("compiled/service_at_location_list.json")),
    taxonomy: ajv.compile(await schema("taxonomy.json")),
    taxonomyTerm: ajv.getSchema("taxonomy_term.json") as ValidateFunction,
    page: ajv.compile((openapi.components as { schemas: { Page: object } }).schemas.Page),
  };
}

export function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}
