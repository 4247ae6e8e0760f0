import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

// Issue 13: a case from address search (for the case and for a party) to reviewed closure and
// reopening, axe-clean on every page.

describe("a community safety case from address search to reviewed closure and reopening", () => {
  const kith = useKithInBrowser();

  it("an officer finds the home by postcode, opens a case, adds a party found by address, closes it after deciding its action, and reopens it", async () => {
    const page = await kith.newPage();
    page.setDefaultTimeout(30_000);
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/safety/cases/new`);
    await expectAccessible(page);

    await page.getByLabel("Address or postcode").fill("T");
    await page.getByRole("button", { name: "Find address" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter at least 2 characters");
    await expectAccessible(page);
    await page.getByLabel("Address or postcode").fill("TN23");
    await page.getByRole("button", { name: "Find address" }).click();
    await expectAccessible(page);
    const firstHome = page.locator('input[name="place"][value^="home:"]').first();
    const address =
      (await page.locator(`label[for="${await firstHome.getAttribute("id")}"]`).innerText()).split(",")[0] ??
      "";
    await firstHome.check();

    await page.getByLabel("Category", { exact: true }).selectOption("noise");
    await page.getByLabel("What happened", { exact: true }).fill("Loud music every night after midnight.");
    await page.getByLabel("Complainant or victim's name").fill("Ruth Ashby");
    await page.getByRole("button", { name: "Open case" }).click();
    if (!(await page.locator("h1").innerText()).startsWith("Case ASB-"))
      await page.getByRole("button", { name: "Open case" }).click();
    expect(await page.locator("h1").innerText()).toMatch(/^Case ASB-/);
    expect(await page.locator("main").innerText()).toContain(address);
    // The case's place on a small locator map drawn on the server, named in words.
    expect(await page.locator("svg[aria-labelledby='case-locator-title']").count()).toBe(1);
    expect(await page.locator("svg title#case-locator-title").textContent()).toMatch(/^Where it is: In .+/);
    await expectAccessible(page);

    // The alleged perpetrator's home is found by the same address search.
    await page.getByRole("link", { name: "Add a party" }).click();
    await page.getByLabel("Alleged perpetrator", { exact: true }).check();
    await page.getByLabel("Name", { exact: true }).fill("Dan Hollis");
    await page.getByLabel("Address or postcode").fill("TN23");
    await page.getByRole("button", { name: "Find address" }).click();
    await expectAccessible(page);
    const partyHome = page.locator('input[name="place"][value^="home:"]').last();
    const partyAddress =
      (await page.locator(`label[for="${await partyHome.getAttribute("id")}"]`).innerText()).split(",")[0] ??
      "";
    await partyHome.check();
    await page.getByRole("button", { name: "Add party" }).click();
    expect(await page.locator("h1").innerText()).toMatch(/^Case ASB-/);
    expect(await page.locator("table", { hasText: "Dan Hollis" }).innerText()).toContain(partyAddress);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Record an action" }).click();
    await page.getByLabel("Action", { exact: true }).selectOption("advice");
    await page.getByRole("button", { name: "Save action" }).click();

    await page.getByRole("link", { name: "Close case" }).click();
    await expectAccessible(page);
    await page.getByLabel("Resolved", { exact: true }).check();
    await page.getByLabel("Why the case is closing").fill("The music stopped after advice.");
    await page.getByRole("button", { name: "Close case" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("was completed or cancelled");
    await expectAccessible(page);
    await page.getByLabel("Completed", { exact: true }).check();
    await page.getByRole("button", { name: "Close case" }).click();
    expect(await page.locator("h1").innerText()).toContain("Closed");
    expect(await page.locator("main").innerText()).toContain("The music stopped after advice.");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Reopen case" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Reopen case" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Enter why the case is reopening",
    );
    await page.getByLabel("Why the case is reopening").fill("The music started again.");
    await page.getByRole("button", { name: "Reopen case" }).click();
    expect(await page.locator("h1").innerText()).not.toContain("Closed");
    expect(await page.locator("main").innerText()).toContain("Case reopened");
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 300_000);
});
