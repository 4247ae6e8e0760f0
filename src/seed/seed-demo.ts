import { eq } from "drizzle-orm";
import type { KithModule, SeedContext } from "../modules/module.ts";
import { createOrganisation } from "../platform/access/organisations.ts";
import { londonDay } from "../platform/dates/london.ts";
import type { Database, Db } from "../platform/db/database.ts";
import { refreshPlannerStatistics } from "../platform/db/planner-statistics.ts";
import { kithSetting } from "../platform/db/platform-schema.ts";
import { createDemoUsers } from "./demo-users.ts";
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

/**
 * The demo lives in the present: its "today" is the London day it is seeded on, so its open
 * vote is open, its campaigns are live and its trends run up to this month. The anchor is a
 * fixed time on that day (00:30 UTC, the same calendar date in London and in UTC all year),
 * so a seed is the same for a given date and tests pin a date to get the same demo every run.
 */
export function demoAnchor(at: Date): Date {
  const [year, month, date] = londonDay(at).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date, 0, 30));
}

const demoAnchorSetting = "demo-anchor";

/** The London day the demo was seeded for, or null in a database without the demo. */
export async function demoSeededFor(db: Db): Promise<string | null> {
  const [row] = await db.select().from(kithSetting).where(eq(kithSetting.key, demoAnchorSetting));
  return row?.value ?? null;
}

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
  const now = demoAnchor(options.now ?? new Date());
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
  log("  users…");
  context.users = await createDemoUsers(database, organisation.id, now, demoUsers, demoPassword);
  for (const module of modules.filter((m) => !foundation.includes(m.name))) {
    if (!module.seed) continue;
    log(`  ${module.name}…`);
    await module.seed(context);
  }
  await database.db
    .insert(kithSetting)
    .values({ key: demoAnchorSetting, value: londonDay(now) })
    .onConflictDoUpdate({ target: kithSetting.key, set: { value: londonDay(now) } });
  log("  planner statistics…");
  await refreshPlannerStatistics(database);
  log(
    `Demo organisation "${demoOrganisationName}" is ready. Sign in as officer@demo.kith.example with password '${demoPassword}'.`,
  );
  return organisation.id;
}
