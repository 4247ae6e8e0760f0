// Funding channels benchmark (issue 5), on PostgreSQL:
//   1. time to export a 100,000-grant 360Giving register (JSON and CSV, plus the Transparency Code CSV);
//   2. pledges per second on one live crowdfunding campaign under 50 concurrent backers, totals checked exact.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx node bench/funding.ts [GRANTS] [PLEDGES] [BACKERS]
//
// Defaults: 100,000 grants, 5,000 pledges, 50 backers. It creates its own database
// (kith_bench_funding), migrates it, runs both parts and drops it. Exits 1 if a total is not exact.
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { withDatabaseName } from "../test/template.ts";
import { benchPledges } from "./funding-pledges.ts";
import { benchRegister } from "./funding-register.ts";

const [grants, pledges, backers] = [100_000, 5_000, 50].map((fallback, index) =>
  Number(process.argv[2 + index] ?? fallback),
);
if (![grants, pledges, backers].every((n) => Number.isInteger(n) && n >= 1) || pledges < backers) {
  console.error("Usage: node bench/funding.ts [GRANTS] [PLEDGES ≥ BACKERS] [BACKERS]   (whole numbers)");
  process.exit(2);
}
const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const name = "kith_bench_funding";
const admin = await openPostgres(serverUrl);
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
// One pooled connection per concurrent backer.
const database = await openPostgres(withDatabaseName(serverUrl, name), { poolSize: backers });
// Dropping the database at the end terminates idle pooled connections; that is expected.
database.pool.on("error", () => {});
let exact = false;
try {
  await migrate(database);
  await benchRegister(database, grants, name);
  exact = await benchPledges(database, pledges, backers);
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
process.exit(exact ? 0 : 1);
