import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

describe("community safety journeys", () => {
  const kith = useKithInBrowser();
  let axePage: Page;

  /** axe needs script in the page, so a no-JavaScript page is checked as a copy in a script-enabled page at the same address. */
  async function expectAccessibleWithoutScript(page: Page): Promise<void> {
    const content = await page.content();
    await axePage.goto(page.url().startsWith(kith.baseUrl) ? `${kith.baseUrl}/health` : kith.baseUrl);
    await axePage.setContent(content, { waitUntil: "load" });
    await expectAccessible(axePage);
  }

  beforeAll(async () => {
    axePage = await kith.newPage({ viewport: { width: 375, height: 740 } });
  });

  it("a tenant reports on a phone without JavaScript, then follows their case without seeing the other party", async () => {
    const page = await kith.newPage({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    // A step that cannot find its element fails with the step's name, not the test's timeout.
    page.setDefaultTimeout(30_000);
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "tenant@demo.kith.example");
    await page.goto(`${kith.baseUrl}/my-cases`);
    await expectAccessibleWithoutScript(page);
    await page.getByRole("button", { name: "Report anti-social behaviour or a problem" }).click();
    expect(await page.locator(".govuk-warning-text").innerText()).toContain(
      "If you are in danger now, call 999",
    );
    await expectAccessibleWithoutScript(page);
    await page.getByRole("button", { name: "Start now" }).click();
    expect(await page.locator("h1").innerText()).toBe("What do you want to report?");
    await expectAccessibleWithoutScript(page);
    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Select what you want to report",
    );
    await expectAccessibleWithoutScript(page);
    await page.getByLabel("Noise", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.locator("h1").innerText()).toContain("When did it happen?");
    await expectAccessibleWithoutScript(page);
    await page.getByLabel("Day").fill("28");
    await page.getByLabel("Month").fill("10");
    await page.getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectAccessibleWithoutScript(page);
    await page.getByLabel("At or near my home").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectAccessibleWithoutScript(page);
    await page.getByLabel("What happened?").fill("Drilling and loud music after midnight again.");
    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.locator("h1").innerText()).toBe("Check your report before sending it");
    await expectAccessibleWithoutScript(page);
    await page.getByRole("button", { name: "Send report" }).click();
    expect(await page.locator(".govuk-panel__title").innerText()).toBe("Report sent");
    await expectAccessibleWithoutScript(page);

    await page.goto(`${kith.baseUrl}/my-cases`);
    expect(await page.locator("main").innerText()).toContain("Waiting for an officer");
    await page.locator("table").last().locator("a").first().click();
    const text = await page.locator("main").innerText();
    expect(text).toContain("Your case");
    expect(text).not.toContain("Jordan");
    expect(text).not.toContain("Blake");
    expect(text).not.toContain("07700 900 111");
    await expectAccessibleWithoutScript(page);
    if (await page.getByRole("button", { name: "Add diary entry" }).count()) {
      await page.getByRole("button", { name: "Add diary entry" }).click();
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("Tell us what happened");
      await expectAccessibleWithoutScript(page);
      await page.getByLabel("Day").fill("29");
      await page.getByLabel("Month").fill("10");
      await page.getByLabel("Year").fill("2026");
      await page.getByLabel("What happened?").fill("Music again until 2am.");
      await page.getByRole("button", { name: "Add diary entry" }).click();
      expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
        "diary entry has been added",
      );
      await expectAccessibleWithoutScript(page);
    }
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it("an officer triages a report, assesses risk, records an action, generates a letter and reads NM01", async () => {
    const page = await kith.newPage();
    page.setDefaultTimeout(30_000);
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/safety`);
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/safety/pending`);
    await expectAccessible(page);
    await page.locator("table tbody a").first().click();
    expect(await page.locator("h1").innerText()).toBe("Triage a report");
    await expectAccessible(page);
    await page.getByLabel("Open a new case").check();
    await page.getByRole("button", { name: "Save decision" }).click();
    expect(await page.locator("h1").innerText()).toMatch(/^Case ASB-/);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Assess risk" }).click();
    await expectAccessible(page);
    for (const name of [
      "frequency",
      "targeted",
      "hate",
      "fear",
      "health",
      "vulnerable",
      "children",
      "violence",
      "considered-moving",
    ]) {
      await page.locator(`input[name="${name}"]`).last().check();
    }
    await page.getByRole("button", { name: "Save assessment" }).click();
    expect(await page.locator("main").innerText()).toContain("High");
    await page.getByRole("link", { name: "Record an action" }).click();
    await expectAccessible(page);
    await page.getByLabel("Action", { exact: true }).selectOption("support-referral");
    await page.getByRole("button", { name: "Save action" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the agency");
    await expectAccessible(page);
    await page.getByLabel(/Provider, agency/).fill("Victim Support Kent");
    await page.getByRole("button", { name: "Save action" }).click();
    expect(await page.locator("main").innerText()).toContain("Support referral");
    await page.getByRole("link", { name: "Generate a letter" }).click();
    await expectAccessible(page);
    await page.getByLabel("Acknowledgement to the complainant").check();
    await page.locator('input[name="partyId"]').first().check();
    await page.getByRole("button", { name: "Generate PDF" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "letter has been generated",
    );
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/safety/nm01?from=2025-04-01&to=2026-03-31`);
    expect(await page.locator("table:not(#nm01-map-table)").first().innerText()).toContain("Total");
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/safety/annual-report?from=2025-04-01&to=2026-03-31`);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 300_000);
});
