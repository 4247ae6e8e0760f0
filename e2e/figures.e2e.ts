import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

// The forms and pages behind the regulated figures: a home's TSM stock category and ownership
// dates, the same-matter link between cases, and NM01's numerator and denominator.

describe("figures journeys", () => {
  const kith = useKithInBrowser();

  it("refuses a home sold before it was bought, links two cases as one matter, and shows NM01's parts", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");

    await page.goto(`${kith.baseUrl}/places/homes/new`);
    await expectAccessible(page);
    await page.getByLabel("UPRN").fill("999000111222");
    await page.getByLabel("Address line 1").fill("1 Figures Way");
    await page.getByLabel("Town or city").fill("Chatham");
    await page.getByLabel("Postcode").fill("ME4 5AB");
    await page.getByLabel("Tenure").selectOption("social-rent");
    await page.getByLabel("Local authority").selectOption({ index: 1 });
    const acquired = page.getByRole("group", { name: "Date acquired (optional)" });
    await acquired.getByLabel("Day").fill("1");
    await acquired.getByLabel("Month").fill("6");
    await acquired.getByLabel("Year").fill("2025");
    const disposed = page.getByRole("group", { name: "Date sold or disposed of (optional)" });
    await disposed.getByLabel("Day").fill("1");
    await disposed.getByLabel("Month").fill("5");
    await disposed.getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Save home" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "The disposed date must be on or after the acquired date",
    );
    await expectAccessible(page);
    await disposed.getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Save home" }).click();
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("Low-cost rental: general needs");

    await page.goto(`${kith.baseUrl}/safety?state=all&category=noise&sort=reference&dir=asc`);
    const caseLinks = page.locator("table tbody tr td a");
    const otherReference = (await caseLinks.nth(1).innerText()).trim();
    await caseLinks.first().click();
    await page.getByRole("link", { name: "Same matter as another case (NM01)" }).click();
    await expectAccessible(page);
    await page.getByLabel("Reference of the case this is the same matter as").fill("NO-SUCH-CASE");
    await page.getByLabel("Why these cases are about the same matter").fill("Imported twice");
    await page.getByRole("button", { name: "Link the cases" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("There is no case NO-SUCH-CASE");
    await expectAccessible(page);
    await page.getByLabel("Reference of the case this is the same matter as").fill(otherReference);
    await page.getByRole("button", { name: "Link the cases" }).click();
    expect(await page.locator("h1").innerText()).toContain("Case");

    await page.goto(`${kith.baseUrl}/safety/nm01?from=2025-04-01&to=2026-03-31`);
    expect(await page.locator("table").last().innerText()).toContain(
      "Homes owned at period end (denominator)",
    );
    expect(await page.locator("#nm01-map svg path[fill^='#']").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it("opens how social value per £1 was worked out from the dashboard, with its rule, parts and CSV", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(`${kith.baseUrl}/impact`);
    expect(await page.locator("main").innerText()).toContain("How this was worked out");
    const workedOut = page.locator('a[href^="/impact/figures/social-value-per-pound?"]');
    expect(await workedOut.innerText()).toContain("How this was worked out");
    await workedOut.click();
    expect(await page.locator("h1").innerText()).toBe(
      "Social value for each £1 invested: how this was worked out",
    );
    const parts = await page.locator(".govuk-summary-list").innerText();
    expect(parts).toContain("Numerator: Social value of outcomes achieved in the period");
    expect(parts).toContain("Denominator: Money spent in the period");
    expect(parts).toContain("Prices");
    expect(await page.getByRole("link", { name: "Download the rows behind this figure (CSV)" }).count()).toBe(
      1,
    );
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the dashboard" }).click();
    expect(await page.locator("h1").innerText()).toBe("Community investment dashboard");
    expect(consoleErrors).toEqual([]);
  }, 300_000);
});
