// Prints rows per second for `kith import homes` of a generated file into PostgreSQL,
// and for PostgreSQL's own COPY of the same file into a plain staging table, in the same run.
// Then the same for PGlite (in memory) with up to 100,000 rows of the file: its COPY FROM '/dev/blob'.
// Run: npx node bench/import.ts [rows] [--no-pglite]   (default 1,000,000; needs the local PostgreSQL server)
// Each phase of the import is timed too, and the load average printed: the machine may be shared.

import { once } from "node:events";
import { createReadStream, createWriteStream, openAsBlob } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import copyStreams from "pg-copy-streams";
import { importHomes } from "../src/modules/places/index.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

const rows = Number(process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? 1_000_000);
const withPglite = !process.argv.includes("--no-pglite");
const phases: [string, number][] = [];
const onPhase = (phase: string, milliseconds: number) => phases.push([phase, milliseconds]);
const printPhases = () => {
  for (const [phase, milliseconds] of phases.splice(0))
    console.log(`    ${phase.padEnd(32)} ${(milliseconds / 1000).toFixed(1).padStart(7)} s`);
};
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(import.meta.dirname, "..");
const dir = await mkdtemp(path.join(tmpdir(), "kith-bench-import-"));
const file = path.join(dir, "homes.csv");
const dbName = `kith_bench_${Date.now().toString(36)}`;

const admin = await openPostgres(serverUrl);
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const database = await openPostgres(url.toString());
try {
  await migrate(database);
  await loadReferenceData(database, path.join(root, "reference"));
  const lsoas = await database.query<{ code: string; lad_code: string }>(
    "SELECT code, lad_code FROM lsoa WHERE edition = 'iod2025' AND lad_code LIKE 'E07%' ORDER BY code LIMIT 5000",
  );

  const writeHomes = async (target: string, count: number) => {
    const out = createWriteStream(target);
    out.write(
      "uprn,address_line_1,address_line_2,town,postcode,tenure,bedrooms,block_name,la_code,lsoa21_code\n",
    );
    for (let i = 0; i < count; i++) {
      const lsoa = lsoas[i % lsoas.length];
      const line = `${100000000000 + i},${(i % 200) + 1} Bench Road,,Benchtown,ME${(i % 19) + 1} ${(i % 9) + 1}AB,social-rent,${(i % 4) + 1},,${lsoa.lad_code},${lsoa.code}\n`;
      if (!out.write(line)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  };
  await writeHomes(file, rows);
  const size = (await stat(file)).size;
  const loadBefore = loadavg()[0];

  const org = await createOrganisation(database.db, null, new Date(), {
    name: "Bench Homes",
    kind: "housing-association",
  });
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  const started = performance.now();
  const report = await importHomes(database, systemActor(org.id, "bench"), new Date(), file, { onPhase });
  const kithSeconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (!report.committed || report.imported !== rows)
    throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);

  await database.query(
    "CREATE UNLOGGED TABLE copy_staging (uprn text, address_line_1 text, address_line_2 text, town text, postcode text, tenure text, bedrooms int, block_name text, la_code text, lsoa21_code text)",
  );
  const copyStarted = performance.now();
  await database.withConnection(async () => {
    const client = await (database as unknown as { pool: import("pg").Pool }).pool.connect();
    try {
      const stream = client.query(
        copyStreams.from("COPY copy_staging FROM STDIN WITH (FORMAT csv, HEADER true)"),
      );
      await pipeline(createReadStream(file), stream);
    } finally {
      client.release();
    }
  });
  const copySeconds = (performance.now() - copyStarted) / 1000;

  console.log(
    `Importing ${rows.toLocaleString("en-GB")} homes (${(size / 1024 / 1024).toFixed(0)} MB CSV) into PostgreSQL:`,
  );
  console.log(
    `  kith import homes (validate every row, one transaction): ${kithSeconds.toFixed(1)} s = ${Math.round(rows / kithSeconds).toLocaleString("en-GB")} rows/s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
  );
  printPhases();
  console.log(
    `  PostgreSQL COPY of the same file into a staging table:   ${copySeconds.toFixed(1)} s = ${Math.round(rows / copySeconds).toLocaleString("en-GB")} rows/s`,
  );
  console.log(
    `  ratio: kith import runs at ${((100 * copySeconds) / kithSeconds).toFixed(0)}% of raw COPY (${(kithSeconds / copySeconds).toFixed(1)}× as long); load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
  );

  if (withPglite) {
    const pgliteRows = Math.min(rows, 100_000);
    const pgliteFile = path.join(dir, "homes-pglite.csv");
    await writeHomes(pgliteFile, pgliteRows);
    const embedded = await openMemoryPglite();
    try {
      await migrate(embedded);
      await loadReferenceData(embedded, path.join(root, "reference"));
      const pgliteOrg = await createOrganisation(embedded.db, null, new Date(), {
        name: "Bench",
        kind: "housing-association",
      });
      const pgliteStarted = performance.now();
      const pgliteReport = await importHomes(
        embedded,
        systemActor(pgliteOrg.id, "bench"),
        new Date(),
        pgliteFile,
        { onPhase },
      );
      const pgliteSeconds = (performance.now() - pgliteStarted) / 1000;
      if (pgliteReport.imported !== pgliteRows) throw new Error("PGlite import failed");
      await embedded.query(
        "CREATE TABLE copy_staging (uprn text, address_line_1 text, address_line_2 text, town text, postcode text, tenure text, bedrooms int, block_name text, la_code text, lsoa21_code text)",
      );
      const rawStarted = performance.now();
      await embedded.client.query("COPY copy_staging FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], {
        blob: await openAsBlob(pgliteFile),
      });
      const rawSeconds = (performance.now() - rawStarted) / 1000;
      console.log(`PGlite in memory, ${pgliteRows.toLocaleString("en-GB")} homes:`);
      printPhases();
      console.log(
        `  kith import homes: ${pgliteSeconds.toFixed(1)} s = ${Math.round(pgliteRows / pgliteSeconds).toLocaleString("en-GB")} rows/s; raw COPY of the whole file as one Blob: ${rawSeconds.toFixed(1)} s = ${Math.round(pgliteRows / rawSeconds).toLocaleString("en-GB")} rows/s; load average ${loadavg()[0].toFixed(1)}`,
      );
    } finally {
      await embedded.close();
    }
  }
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.close();
  await rm(dir, { recursive: true, force: true });
}
