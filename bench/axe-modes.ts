/**
 * How much CPU an axe scan costs in each @axe-core/playwright mode (docs/performance.md, 2026-12-07).
 * Run one mode per process under /usr/bin/time and compare with "none" (the same page loads, no scans):
 *   /usr/bin/time -f '%e wall %U user %S sys' npx node bench/axe-modes.ts legacy-violations 12
 * Modes: none, default, legacy, default-violations, legacy-violations. The pages are the start and
 * sign-in pages over an empty migrated database, so no demo seed is needed.
 */
import type { AddressInfo } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "@hono/node-server";
import { createApp } from "../src/app.ts";
import { modules } from "../src/modules/registry.ts";
import { loadSigningSecret } from "../src/platform/auth/secret.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { launchChromium } from "../test/chromium.ts";

const mode = process.argv[2] ?? "default";
const scans = Number(process.argv[3] ?? 10);
const database = await openMemoryPglite();
await migrate(database);
const config = loadConfig({ ...process.env, DATABASE_URL: "" });
const signingSecret = await loadSigningSecret(database.db);
const app = createApp({ database, config, signingSecret, clock: () => new Date() }, modules);
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

const startedAt = performance.now();
let violations = 0;
for (let scan = 0; scan < scans; scan++) {
  await page.goto(`${baseUrl}${scan % 2 ? "/sign-in" : "/"}`);
  if (mode === "none") continue;
  // options() replaces what withTags() set, so it goes first.
  let builder = new AxeBuilder({ page });
  if (mode.endsWith("-violations")) builder = builder.options({ resultTypes: ["violations"] });
  builder = builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  if (mode.startsWith("legacy")) builder = builder.setLegacyMode(true);
  violations += (await builder.analyze()).violations.length;
}
const elapsed = Math.round(performance.now() - startedAt);
console.error(`${mode}: ${scans} page loads, ${elapsed} ms wall, ${violations} violations`);
await browser.close();
server.close();
await database.close();
