// How quickly a 200 MB CSV with no line break is refused (issue 18 item 11).
// Run: npx node bench/csv-long-line.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { importCsv } from "../src/platform/imports/csv-import.ts";

const dir = await mkdtemp(path.join(tmpdir(), "kith-bench-csv-"));
const file = path.join(dir, "no-breaks.csv");
await writeFile(file, `name\n${"x".repeat(200 * 1024 * 1024)}`);
// The refusal happens while parsing, before any row reaches the database, so an empty one will do.
const database = await openMemoryPglite();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const outcome = await importCsv(database, file, {
  requiredColumns: ["name"],
  parseRow: (row) => ({ ok: true, value: row.name }),
  insertBatch: async () => {},
}).catch((error: Error) => error.message);
const seconds = (performance.now() - started) / 1000;
const grewMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
console.log(`refused in ${seconds.toFixed(3)} s, memory grew ${grewMb.toFixed(0)} MB: ${String(outcome)}`);
await database.close();
await rm(dir, { recursive: true, force: true });
