import type { KithModule, SeedContext } from "../modules/module.ts";
import { systemActor } from "../platform/access/actor.ts";
import { createOrganisation } from "../platform/access/organisations.ts";
import { createUser } from "../platform/auth/users.ts";
import type { Database } from "../platform/db/database.ts";
import { seededRandom } from "./random.ts";

export const demoPassword = "kith-demo-password";
export const demoOrganisationName = "Weald and Medway Homes";

export const demoUsers = [
  { email: "admin@demo.kith.example", name: "Amira Hassan", role: "organisation-admin" },
  { email: "manager@demo.kith.example", name: "Gareth Lloyd", role: "manager" },
  { email: "officer@demo.kith.example", name: "Priya Shah", role: "officer" },
  { email: "asb@demo.kith.example", name: "Tom Okafor", role: "officer" },
  { email: "board@demo.kith.example", name: "Helen Marsh", role: "read-only" },
  { email: "partner@demo.kith.example", name: "PC Dan Whitlock", role: "partner-agency" },
  { email: "group@demo.kith.example", name: "Rosa Bennett", role: "community-group" },
  { email: "supplier@demo.kith.example", name: "Chris Doyle", role: "supplier" },
  { email: "tenant@demo.kith.example", name: "Sam Turner", role: "tenant" },
] as const;

// The demo's "today": fixed, so the seed is the same every time it runs.
export const demoNow = new Date("2026-11-01T09:00:00.000Z");

/**
 * Creates the demo housing association: its places and people first, then its
 * users (some linked to those people), then every other module's demo data.
 */
export async function seedDemo(
  database: Database,
  modules: KithModule[],
  options: { log?: (message: string) => void; now?: Date } = {},
): Promise<string> {
  const log = options.log ?? (() => {});
  const now = options.now ?? demoNow;
  const organisation = await createOrganisation(database.db, null, now, {
    name: demoOrganisationName,
    kind: "housing-association",
    orgIdentifier: "GB-MPR-7890",
    imdEdition: "iod2025",
    priorityMaxDecile: 2,
  });
  const context: SeedContext = {
    database,
    organisationId: organisation.id,
    now,
    random: seededRandom(20261122),
    log,
    users: [],
  };
  const foundation = ["places", "people"];
  for (const module of modules.filter((m) => foundation.includes(m.name))) {
    log(`  ${module.name}…`);
    await module.seed?.(context);
  }
  context.users = await createDemoUsers(database, organisation.id, now);
  for (const module of modules.filter((m) => !foundation.includes(m.name))) {
    if (!module.seed) continue;
    log(`  ${module.name}…`);
    await module.seed(context);
  }
  log(
    `Demo organisation "${demoOrganisationName}" is ready. Sign in as officer@demo.kith.example with password '${demoPassword}'.`,
  );
  return organisation.id;
}

async function createDemoUsers(
  database: Database,
  organisationId: string,
  now: Date,
): Promise<SeedContext["users"]> {
  const actor = systemActor(organisationId, "Demo seed");
  const [tenant] = await database.query<{ id: string }>(
    "SELECT id FROM person WHERE organisation_id = $1 AND person_type = 'tenant' ORDER BY id LIMIT 1",
    [organisationId],
  );
  const partnerOf = async (kind: string) =>
    (
      await database.query<{ id: string }>(
        "SELECT id FROM partner_organisation WHERE organisation_id = $1 AND kind = $2 ORDER BY name LIMIT 1",
        [organisationId, kind],
      )
    )[0]?.id ?? null;
  const links: Record<string, { personId?: string | null; partnerOrganisationId?: string | null }> = {
    tenant: { personId: tenant?.id ?? null },
    "partner-agency": { partnerOrganisationId: await partnerOf("agency") },
    "community-group": { partnerOrganisationId: await partnerOf("community-group") },
    supplier: { partnerOrganisationId: await partnerOf("supplier") },
  };
  const users: SeedContext["users"] = [];
  for (const user of demoUsers) {
    const created = await createUser(database.db, actor, now, {
      organisationId,
      ...user,
      password: demoPassword,
      ...(links[user.role] ?? {}),
    });
    users.push({
      id: created.id,
      email: created.email,
      name: created.name,
      role: created.role as (typeof demoUsers)[number]["role"],
    });
  }
  return users;
}
