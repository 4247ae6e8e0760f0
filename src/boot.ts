import { loadReferenceData } from "./modules/places/reference/load-reference.ts";
import { modules } from "./modules/registry.ts";
import type { KithConfig } from "./platform/config/config.ts";
import { daysBetween, londonDay } from "./platform/dates/london.ts";
import type { Database } from "./platform/db/database.ts";
import { openDatabase } from "./platform/db/open.ts";
import { demoSeededFor, seedDemo } from "./seed/seed-demo.ts";

export type BootOptions = {
  seedDemo?: boolean;
  log?: (message: string) => void;
  /** Where a lost PostgreSQL connection is reported. */
  warn?: (message: string) => void;
};

/**
 * Opens the configured database, applies migrations, and on a brand-new database
 * loads the reference data and (unless told not to) the demo organisation.
 */
export async function openKithDatabase(
  config: KithConfig,
  options: BootOptions = {},
): Promise<Database & { created: boolean }> {
  const log = options.log ?? (() => {});
  const database = await openDatabase(config.database, {
    warn: options.warn,
    prepareNew: async (database) => {
      log("Setting up a new database: loading local authorities and deprivation data…");
      await loadReferenceData(database, config.referenceDir);
      // Production never seeds: the demo accounts' password is in the README.
      if ((options.seedDemo ?? config.seedDemo) && config.env !== "production") {
        log("Creating the demo organisation (this takes a little while the first time)…");
        await seedDemo(database, modules, { log });
      }
    },
  });
  const restart =
    config.database.kind === "pglite"
      ? `stop Kith, delete the data folder (${config.database.dataDir}) and start again`
      : "create an empty database and start Kith on it";
  await warnIfDemoIsStale(database, restart, options.warn ?? log);
  return database;
}

/**
 * A demo seeded weeks ago has closed votes and empty trends: say so, and how to start afresh.
 * Its data is never moved in place, so nothing a person entered in the demo is rewritten.
 */
async function warnIfDemoIsStale(
  database: Database,
  restart: string,
  log: (message: string) => void,
): Promise<void> {
  const seededFor = await demoSeededFor(database.db);
  if (seededFor === null) return;
  const age = daysBetween(seededFor, londonDay(new Date()));
  if (age < 1) return;
  log(
    `The demo data was made for ${seededFor} (${age} day${age === 1 ? "" : "s"} ago), so its dates are not today's. ` +
      `For a demo that starts today, ${restart}.`,
  );
}
