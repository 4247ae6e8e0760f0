// Prints rows per second for `kith import homes` of a generated file into PostgreSQL, and for
// PostgreSQL's own COPY of the same file, in the same run, twice: into a bare table (no index,
// key or check) and into a copy of the real `home` table with all its indexes, checks and keys,
// which is the honest floor for rows that must land in `home`.
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
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openScratchDatabase } from "./scratch-database.ts";

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

const { database, drop } = await openScratchDatabase(serverUrl, dbName);
try {
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
  const realCopySeconds = await copyIntoRealTable(database, org.id, "home_copy", (sql) =>
    database.withConnection(async () => {
      const client = await (database as unknown as { pool: import("pg").Pool }).pool.connect();
      try {
        await pipeline(createReadStream(file), client.query(copyStreams.from(sql)));
      } finally {
        client.release();
      }
    }),
  );

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
    `  PostgreSQL COPY of the same file into a copy of home (same indexes, checks and keys): ${realCopySeconds.toFixed(1)} s = ${Math.round(rows / realCopySeconds).toLocaleString("en-GB")} rows/s`,
  );
  console.log(
    `  ratio: kith import runs at ${((100 * copySeconds) / kithSeconds).toFixed(1)}% of raw COPY (${(kithSeconds / copySeconds).toFixed(1)}× as long) and at ${((100 * realCopySeconds) / kithSeconds).toFixed(0)}% of COPY into a copy of home; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
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
      const pgliteRealSeconds = await copyIntoRealTable(embedded, pgliteOrg.id, "home_copy", async (sql) => {
        await embedded.client.query(sql.replace("STDIN", "'/dev/blob'"), [], {
          blob: await openAsBlob(pgliteFile),
        });
      });
      console.log(`PGlite in memory, ${pgliteRows.toLocaleString("en-GB")} homes:`);
      printPhases();
      console.log(
        `  kith import homes: ${pgliteSeconds.toFixed(1)} s = ${Math.round(pgliteRows / pgliteSeconds).toLocaleString("en-GB")} rows/s; raw COPY of the whole file as one Blob: ${rawSeconds.toFixed(1)} s = ${Math.round(pgliteRows / rawSeconds).toLocaleString("en-GB")} rows/s; COPY into a copy of home: ${pgliteRealSeconds.toFixed(1)} s = ${Math.round(pgliteRows / pgliteRealSeconds).toLocaleString("en-GB")} rows/s (kith at ${((100 * pgliteRealSeconds) / pgliteSeconds).toFixed(0)}% of it); load average ${loadavg()[0].toFixed(1)}`,
      );
    } finally {
      await embedded.close();
    }
  }
} finally {
  await drop();
  await rm(dir, { recursive: true, force: true });
}

/**
 * COPY of the file into `table`, a copy of `home` with the same indexes, checks and defaults
 * (LIKE … INCLUDING ALL) and the same foreign keys, read from the catalogue. The columns the file
 * lacks come from defaults: the organisation, a random id, the time, the stock category.
 * Returns the seconds the COPY took.
 */
async function copyIntoRealTable(
  target: Database,
  organisationId: string,
  table: string,
  copy: (sql: string) => Promise<void>,
): Promise<number> {
  await target.execScript(`CREATE TABLE ${table} (LIKE home INCLUDING ALL)`);
  const keys = await target.query<{ definition: string }>(
    "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'home'::regclass AND contype = 'f'",
  );
  for (const { definition } of keys) await target.execScript(`ALTER TABLE ${table} ADD ${definition}`);
  await target.execScript(`ALTER TABLE ${table} ALTER organisation_id SET DEFAULT '${organisationId}',
    ALTER id SET DEFAULT gen_random_uuid(), ALTER created_at SET DEFAULT now(),
    ALTER tsm_stock_category SET DEFAULT 'lcra-general-needs'`);
  const started = performance.now();
  await copy(
    `COPY ${table} (uprn, address_line_1, address_line_2, town, postcode, tenure, bedrooms, block_name, la_code, lsoa21_code) FROM STDIN WITH (FORMAT csv, HEADER true)`,
  );
  return (performance.now() - started) / 1000;
}
