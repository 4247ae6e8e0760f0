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
    const [{ count }] = await database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM organisation",
    );
    const created = count === 0;
    if (created) await options.prepareNew?.(database);
    await refreshPlannerStatistics(database);
    return Object.assign(database, { created });
  } catch (error) {
    await database.close();
    throw error;
  }
}
