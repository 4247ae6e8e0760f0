import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { loadConfig, projectRoot } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { withDatabaseName } from "./template.ts";

/**
 * Builds one migrated database with reference data, once per run. Each test file
 * then starts from a copy: a PGlite data-dir dump, or a PostgreSQL TEMPLATE database.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (config.database.kind === "postgres") {
    const serverUrl = config.database.url;
    const admin = await openPostgres(serverUrl);
    const name = `kith_test_template_${runId}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const template = await openPostgres(withDatabaseName(serverUrl, name));
    await migrate(template);
    await loadReferenceData(template, config.referenceDir);
    await template.close();
    project.provide("kithTemplate", { kind: "postgres", serverUrl, name });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.close();
    };
  }
  const database = await openMemoryPglite();
  await migrate(database);
  await loadReferenceData(database, config.referenceDir);
  // Uncompressed: every test file loads a copy, and gunzipping it cost each about 0.4 s of CPU.
  const dump = await database.client.dumpDataDir("none");
  await database.close();
  const file = path.join(projectRoot, ".kith-test", `template-${runId}.tar`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("kithTemplate", { kind: "pglite", file });
  return async () => {
    await rm(file, { force: true });
  };
}
