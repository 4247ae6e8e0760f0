import { loadReferenceData } from "./modules/places/reference/load-reference.ts";
import { modules } from "./modules/registry.ts";
import type { KithConfig } from "./platform/config/config.ts";
import type { Database } from "./platform/db/database.ts";
import { openDatabase } from "./platform/db/open.ts";
import { seedDemo } from "./seed/seed-demo.ts";

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
  return openDatabase(config.database, {
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
}
