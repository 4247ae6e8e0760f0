import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../test/chromium.ts";
import { galleryPage } from "./gallery.ts";
import { startTestServer, type TestServer } from "./test-asset-server.ts";

describe("gallery page in Chromium", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(() => galleryPage().value);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has no axe violations, no CSP violations and no missing assets, with JavaScript on", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(server.url, { waitUntil: "networkidle" });

    // Every asset loaded, and init.js ran: govuk-frontend and MOJ frontend loaded as modules under the CSP.
    expect(server.missing).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.evaluate<string>("document.body.className")).toContain("govuk-frontend-supported");
    // Kith's system font stack, not GOV.UK's GDS Transport (which is only for services on GOV.UK).
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('h1')).fontFamily")).toMatch(
      /^system-ui,/,
    );

    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const summary = results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
    expect(summary).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(server.missing).toEqual([]);

    await page.screenshot({ path: "/tmp/ui-gallery.png", fullPage: true });
    await context.close();
  }, 120_000);

  it("renders the same page without JavaScript, with no inline scripts or styles", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: "load" });
    expect(await page.evaluate<string>("document.body.className")).toBe("govuk-template__body");
    await context.close();
    // axe cannot run in a page with script disabled; the JS-on run above checks the same markup.
    const html = galleryPage().value;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=/);
  }, 60_000);
});
