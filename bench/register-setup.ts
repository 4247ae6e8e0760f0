// What the register benchmarks share: --scale and --searches, and a database of their own on the
// server DATABASE_URL names (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
import { parseArgs } from "node:util";
import type { Database } from "../src/platform/db/database.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

export async function registerBench(
  prefix: string,
): Promise<{ scale: number; searches: number; database: Database; drop: () => Promise<void> }> {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "1" }, searches: { type: "string", default: "300" } },
  });
  const scale = Number(values.scale);
  const searches = Number(values.searches);
  if (!(scale > 0 && scale <= 1) || !(searches > 0)) {
    console.error("--scale must be in (0, 1] and --searches a positive number");
    process.exit(2);
  }
  const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `${prefix}_${process.pid}`;
  const admin = await openPostgres(serverUrl);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    scale,
    searches,
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
