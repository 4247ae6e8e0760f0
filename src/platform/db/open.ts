import type { DatabaseConfig } from "../config/config.ts";
import type { Database } from "./database.ts";
import { migrate } from "./migrate.ts";
import { openPglite } from "./open-pglite.ts";
import { openPostgres } from "./open-postgres.ts";
import { refreshPlannerStatistics } from "./planner-statistics.ts";

export type OpenOptions = {
  /** Runs once on a brand-new database, after migrations (reference data, demo seed). */
  prepareNew?: (database: Database) => Promise<void>;
  /** Where a lost PostgreSQL connection is reported (the server's logger). */
  warn?: (message: string) => void;
};

// Held while a new PostgreSQL database gets its reference data (and the demo, if asked for).
const setupLockKey = 7_400_002;

/**
 * Opens the configured database and brings its schema up to date. For PGlite a
 * new database is prepared in a temporary folder first (see open-pglite.ts); for
 * PostgreSQL "new" means no organisation exists yet.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<Database & { created: boolean }> {
  if (config.kind === "pglite") {
    const database = await openPglite(config.dataDir, async (fresh) => {
      await migrate(fresh);
      await options.prepareNew?.(fresh);
    });
    try {
      await migrate(database);
      await refreshPlannerStatistics(database);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }
  const database = await openPostgres(config.url, { poolSize: config.poolSize, warn: options.warn });
  try {
    await migrate(database);
    // Several processes may start at once on a new database: one sets it up while the
    // others wait on the same lock, then find it set up.
    // The lock has its own connection, so a pool of one can still do the set-up.
    const lock = await openPostgres(config.url, { poolSize: 1 });
    let created: boolean;
    try {
      await lock.query("SELECT pg_advisory_lock($1)", [setupLockKey]);
      const [{ count }] = await database.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM organisation",
      );
      created = count === 0;
      if (created) await options.prepareNew?.(database);
    } finally {
      await lock.close();
    }
    await refreshPlannerStatistics(database);
    return Object.assign(database, { created });
  } catch (error) {
    await database.close();
    throw error;
  }
}
