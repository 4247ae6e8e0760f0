import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { modules } from "../src/modules/registry.ts";
import { loadConfig, projectRoot } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { seedDemo } from "../src/seed/seed-demo.ts";
import { journeyDay } from "./journey-date.ts";

declare module "vitest" {
  export interface ProvidedContext {
    kithDemoDump: string;
  }
}

/** Builds the seeded demo database once; every journey starts from its own copy. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig({ ...process.env, DATABASE_URL: "" });
  const database = await openMemoryPglite();
  await migrate(database);
  await loadReferenceData(database, config.referenceDir);
  await seedDemo(database, modules, { now: journeyDay });
  // Uncompressed: every test file loads a copy, and gunzipping it cost each about 0.4 s of CPU.
  const dump = await database.client.dumpDataDir("none");
  await database.close();
  const file = path.join(projectRoot, ".kith-test", `demo-${process.pid}.tar`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("kithDemoDump", file);
  return async () => {
    await rm(file, { force: true });
  };
}
