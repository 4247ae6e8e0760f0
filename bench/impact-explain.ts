// Prints EXPLAIN (ANALYZE, BUFFERS) of every statement the dashboard, the annual report's figures and
// one year's social value send, on a database `bench/impact.ts --keep` built, slowest first.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/s3_impact2_bench_<n> npx node bench/impact-explain.ts [dashboard|report|value]
//
// The statements are caught with a Drizzle logger on a second handle to the same pool, so what is
// explained is exactly what the queries send, parameters included.
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { computeDashboard } from "../src/modules/impact/queries/dashboard.ts";
import { computeSocialValue } from "../src/modules/impact/queries/social-value.ts";
import { computeReportFigures, financialYear } from "../src/modules/impact/report/report-figures.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import type { Db } from "../src/platform/db/database.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const which = positionals[0] ?? "report";
const url = process.env.DATABASE_URL;
if (!url || !["dashboard", "report", "value"].includes(which)) {
  console.error("Set DATABASE_URL to a kept bench database; the argument is dashboard, report or value.");
  process.exit(2);
}

const database = await openPostgres(url, { prepareStatements: false });
const statements: { sql: string; params: unknown[] }[] = [];
const db = drizzle({
  client: database.pool,
  logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
}) as unknown as Db;
const [org] = await database.query<{ id: string }>("SELECT id FROM organisation WHERE name = 'Bench Homes'");
const actor = systemActor(org.id, "bench");
const now = new Date();
const lastYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2;
const period = financialYear(lastYear);
const filter = { from: period.from, to: period.to };
if (which === "dashboard") await computeDashboard(db, actor, filter);
else if (which === "value") await computeSocialValue(db, actor, filter);
else await computeReportFigures(db, actor, { name: "Bench Homes", colour: null }, lastYear);

const plans: { ms: number; text: string }[] = [];
for (const statement of statements) {
  const rows = await database.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
    statement.params,
  );
  const text = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0);
  plans.push({ ms, text: `${statement.sql}\n-- ${JSON.stringify(statement.params)}\n${text}` });
}
plans.sort((a, b) => b.ms - a.ms);
console.log(
  `${statements.length} statements, ${plans.reduce((sum, p) => sum + p.ms, 0).toFixed(0)} ms in all`,
);
for (const plan of plans) console.log(`\n===== ${plan.ms.toFixed(1)} ms\n${plan.text}`);
await database.close();
