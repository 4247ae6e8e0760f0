// What the register benchmarks share: --scale and --searches, and a database of their own on the
// server DATABASE_URL names (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import type { Database } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { testNow } from "../test/fixtures.ts";

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

/** The migrated database's one organisation and a manager acting in it. */
export async function benchOrganisation(
  database: Database,
  name: string,
): Promise<{ org: string; actor: Actor }> {
  await migrate(database);
  const org = (await createOrganisation(database.db, null, testNow, { name, kind: "housing-association" }))
    .id;
  const actor: Actor = {
    kind: "user",
    userId: newId(),
    organisationId: org,
    role: "manager",
    name: "Bench",
    email: "bench@example.org",
    personId: null,
    partnerOrganisationId: null,
    scopes: null,
  };
  return { org, actor };
}

/** The p-th quantile (0–1) of some timings. */
export const percentile = (ms: number[], p: number): number =>
  [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;

/** The timings' p50 and p99, as the benchmarks print them. */
export const p50p99 = (ms: number[]): string =>
  `p50 ${percentile(ms, 0.5).toFixed(1)} ms, p99 ${percentile(ms, 0.99).toFixed(1)} ms`;

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Every figure is printed with the load average: the machine is shared. */
export const loadAverage = (): string =>
  `  load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
