// Prints what the atomic sign-in and abuse limits cost and what they stop:
//   npx node bench/sign-in-limits.ts            (PGlite in memory)
//   DATABASE_URL=postgres://… npx node bench/sign-in-limits.ts   (a scratch database is created and dropped)
// Figures: rate-limit upserts per second (one key, and many keys), and a burst of 30
// parallel wrong passwords: how many passwords were checked and how long it took.
import { loadavg } from "node:os";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { takeSlot } from "../src/platform/auth/rate-limit.ts";
import { signIn } from "../src/platform/auth/sign-in.ts";
import { createUser } from "../src/platform/auth/users.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { withDatabaseName } from "../test/template.ts";

const now = new Date("2026-06-15T10:00:00Z");
const limit = { max: 1_000_000, windowMs: 60_000 };

async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openMemoryPglite();
    return { database, done: () => database.close() };
  }
  const name = `kith_bench_limits_${process.pid}`;
  const admin = await openPostgres(url);
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openPostgres(withDatabaseName(url, name));
  return {
    database,
    done: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function perSecond(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await work(i);
  return count / ((performance.now() - started) / 1000);
}

const { database, done } = await open();
try {
  await migrate(database);
  const sameKey = await perSecond(2000, () => takeSlot(database.db, "bench:one", limit, now));
  const manyKeys = await perSecond(2000, (i) => takeSlot(database.db, `bench:${i}`, limit, now));
  const org = await createOrganisation(database.db, null, now, {
    name: "Bench",
    kind: "housing-association",
  });
  await createUser(database.db, systemActor(org.id), now, {
    organisationId: org.id,
    email: "bench@example.org",
    name: "Bench",
    role: "officer",
    password: "correct horse battery staple",
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      signIn(database.db, "bench@example.org", `wrong-${i}`, `198.51.100.${i}`, now),
    ),
  );
  const burstMs = performance.now() - started;
  const [checked] = await database.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM audit_log WHERE summary LIKE 'Wrong password for bench@example.org%'",
  );
  console.log(
    `engine: ${database.kind}; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.log(`rate-limit upserts, one key:   ${sameKey.toFixed(0)} per second`);
  console.log(`rate-limit upserts, new keys:  ${manyKeys.toFixed(0)} per second`);
  console.log(
    `30 parallel wrong passwords: ${checked.count} checked, ${burstMs.toFixed(0)} ms for the burst`,
  );
} finally {
  await done();
}
