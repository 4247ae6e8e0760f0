import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createPartnerOrganisation } from "../../people/index.ts";
import { makeProgramme } from "../test-support.ts";
import { startApplication } from "./applications.ts";

// Ask once: a known organisation's details start its application, instead of being typed again.

let database: Database;
let manager: Actor;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  manager = actorFor(organisationId, "manager");
});
afterAll(async () => database.close());

describe("starting a grant application as a known organisation", () => {
  it("fills in the organisation's details from its partner record and the contact from the account", async () => {
    const partner = await createPartnerOrganisation(database.db, manager, testNow, {
      name: "Chatham Tenants Together",
      kind: "charity",
      charityNumber: "1123456",
      postcode: "ME4 4TR",
      phone: "01634 000000",
    });
    const group = actorFor(organisationId, "community-group", {
      partnerOrganisationId: partner.id,
      name: "Rita Chair",
      email: "rita@example.org",
    });
    const programme = await makeProgramme(database.db, manager, testNow, { code: "ASK-ONCE" });
    const draft = await startApplication(database.db, group, testNow, programme.id);
    expect(draft).toMatchObject({
      organisationName: "Chatham Tenants Together",
      organisationType: "registered-charity",
      charityNumber: "1123456",
      postcode: "ME4 4TR",
      contactName: "Rita Chair",
      contactEmail: "rita@example.org",
      status: "draft",
    });
  });

  it("asks for everything an unknown organisation has not told us, with only the contact known", async () => {
    const group = actorFor(organisationId, "community-group", { name: "Sam New", email: "sam@example.org" });
    const programme = await makeProgramme(database.db, manager, testNow, { code: "ASK-NEW" });
    const draft = await startApplication(database.db, group, testNow, programme.id);
    expect(draft).toMatchObject({ organisationName: null, organisationType: null, contactName: "Sam New" });
  });
});
