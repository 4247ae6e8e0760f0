// Rewrites the generated part of docs/scaling.md from src/platform/db/citus-tables.ts and the
// schema the migrations build. Run after adding a table: npx node scripts/scaling-doc.ts
// (test/citus-rules.test.ts fails while the document and the schema disagree).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../src/platform/config/config.ts";
import { checkCitusRules } from "../src/platform/db/citus-rules.ts";
import { scalingDocEnd, scalingDocSection, scalingDocStart } from "../src/platform/db/citus-tables.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";

const file = path.join(projectRoot, "docs/scaling.md");
const database = await openMemoryPglite();
await migrate(database);
const { distributed, problems } = await checkCitusRules(database);
await database.close();
for (const problem of problems) console.warn(`Citus rule broken: ${problem}`);
const text = await readFile(file, "utf8");
const start = text.indexOf(scalingDocStart);
const end = text.indexOf(scalingDocEnd);
if (start < 0 || end < start) throw new Error(`${file} has no generated section markers.`);
await writeFile(file, text.slice(0, start) + scalingDocSection(distributed) + text.slice(end + scalingDocEnd.length));
console.log(`Updated ${path.relative(projectRoot, file)}: ${distributed.length} distributed tables.`);
