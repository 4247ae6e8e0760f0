import path from "node:path";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { withDatabaseName } from "../test/template.ts";

// For benchmarks that need a real PostgreSQL database of their own: made fresh on the server,
// migrated and loaded with the reference data, and dropped again however the run ends.

export type ScratchDatabase = { database: Database; drop(): Promise<void> };

/** A new database `name` on the server at `serverUrl`, migrated, with the repository's reference data. */
export async function openScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = await openPostgres(serverUrl);
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openPostgres(withDatabaseName(serverUrl, name));
  const drop = async () => {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
  try {
    await migrate(database);
    await loadReferenceData(database, path.join(import.meta.dirname, "..", "reference"));
  } catch (error) {
    await drop();
    throw error;
  }
  return { database, drop };
}
