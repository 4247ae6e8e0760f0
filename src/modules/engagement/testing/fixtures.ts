import type { Hono } from "hono";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Organisation } from "../../../platform/access/organisations.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { createPerson } from "../../people/index.ts";
import { testApp } from "../../volunteering/test-app.ts";
import { createConsultation } from "../commands/consultations.ts";
import { createInvolvementOpportunity } from "../commands/involvement.ts";
import { engagementModule } from "../module.ts";

export type EngagementFixture = {
  database: Database;
  organisation: Organisation;
  officer: Actor;
  app: Hono<AppEnv>;
};

/** A test database with one organisation, an officer of it, and the engagement pages over it. */
export async function openEngagementFixture(): Promise<EngagementFixture> {
  const database = await openTestDatabase();
  const organisation = await makeOrganisation(database.db);
  const officer = actorFor(organisation.id, "officer");
  return { database, organisation, officer, app: testApp(database, [engagementModule], testNow) };
}

/** A draft consultation open for the whole of June 2026 (the test day falls inside it). */
export async function juneConsultation(db: Database["db"], actor: Actor, title: string, description: string) {
  return createConsultation(db, actor, testNow, {
    title,
    description,
    opensOn: "2026-06-01",
    closesOn: "2026-06-30",
  });
}

/** A scrutiny panel and a tenant, Rita Okoro, who may join it. */
export async function panelAndTenant(db: Database["db"], officer: Actor, title: string, description: string) {
  const panel = await createInvolvementOpportunity(db, officer, testNow, {
    kind: "scrutiny-panel",
    title,
    description,
  });
  const person = await createPerson(db, officer, testNow, {
    givenName: "Rita",
    familyName: "Okoro",
    personType: "tenant",
  });
  return { panel, person };
}
