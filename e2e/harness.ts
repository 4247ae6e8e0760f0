import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { createApp } from "../src/app.ts";
import { modules } from "../src/modules/registry.ts";
import { loadSigningSecret } from "../src/platform/auth/secret.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { demoPassword } from "../src/seed/seed-demo.ts";
import { launchChromium } from "../test/chromium.ts";
import { journeyClock } from "./journey-date.ts";

export type RunningKith = { baseUrl: string; database: Database; close: () => Promise<void> };

/** The whole app on a random local port, over a fresh copy of the seeded demo database. */
export async function startKith(): Promise<RunningKith> {
  const dump = await readFile(inject("kithDemoDump"));
  const database = await openMemoryPglite(new Blob([new Uint8Array(dump)]));
  const config = loadConfig({ ...process.env, DATABASE_URL: "" });
  const app = createApp(
    { database, config, signingSecret: await loadSigningSecret(database.db), clock: journeyClock() },
    modules,
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  // Links in mail are built from the configured public address, never from the Host header:
  // point it at this server's random port so a journey can follow a mailed link.
  config.publicUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

export type NewPage = (options?: {
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
}) => Promise<Page>;

export async function openBrowser(): Promise<{ browser: Browser; newPage: NewPage }> {
  const browser = await launchChromium();
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      return context.newPage();
    },
  };
}

export type KithInBrowser = { readonly baseUrl: string; readonly database: Database; newPage: NewPage };

/**
 * Starts Kith and Chromium before the enclosing describe block's journeys and closes both after.
 * Every journey file needs the same pair, and the getters fail loudly if a journey runs too early.
 */
export function useKithInBrowser(): KithInBrowser {
  let kith: RunningKith | undefined;
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  beforeAll(async () => {
    // Chromium starts in its own processes while PGlite loads the demo copy here; it is
    // kept as soon as it is up, so afterAll closes it even if Kith failed to start.
    const browserStarting = openBrowser().then((started) => {
      browser = started;
    });
    kith = await startKith();
    await browserStarting;
  });
  afterAll(async () => {
    await browser?.browser.close();
    await kith?.close();
  });
  const started = () => {
    if (!kith || !browser) throw new Error("Kith is not running yet: use it inside a journey.");
    return { kith, browser };
  };
  return {
    get baseUrl() {
      return started().kith.baseUrl;
    },
    get database() {
      return started().kith.database;
    },
    newPage: (options) => started().browser.newPage(options),
  };
}

export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = demoPassword,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("domcontentloaded");
  expect(page.url()).not.toContain("/sign-in");
}

/**
 * axe with the WCAG 2.2 AA rule sets: a page passes only with zero violations.
 * Legacy mode runs axe in the page itself; the default opens a blank tab per scan to merge
 * the frames' results, which cost about 0.3 s of CPU a scan (docs/performance.md, 2026-12-07).
 * Kith's pages have no cross-origin frames, the one thing only the default mode reaches.
 * Only violations are asked for: the passes were built and thrown away, and the rules run are the same.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // options() replaces every option set before it, so it comes before withTags().
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .setLegacyMode(true)
    .analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    page: page.url(),
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
  expect(violations).toEqual([]);
}

/** Collects CSP and console errors so a journey can assert the page broke no rule. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    // A 4xx answer is the page working as designed (a form error, a 404); anything else is a fault.
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
