import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

// The district maps drawn on the server: each with a key and a table, axe clean.
describe("maps", () => {
  const kith = useKithInBrowser();

  it("shows activity on the dashboard and in the impact report as district maps with named tables", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    for (const [path, id] of [
      ["/impact", "activity-map"],
      ["/impact/report", "report-activity-map"],
    ]) {
      await page.goto(`${kith.baseUrl}${path}`);
      const map = page.locator(`#${id}`);
      expect(await map.locator("svg title").textContent(), path).toBe("Sessions by district");
      expect(await map.locator("svg path[fill^='#']").count(), path).toBeGreaterThan(0);
      expect(await map.locator("svg text").allTextContents(), path).toContain("Sessions");
      expect(await page.locator(`#${id}-neighbourhoods tbody tr`).count(), path).toBeGreaterThan(0);
      await expectAccessible(page);
    }
    expect(consoleErrors).toEqual([]);
  }, 240_000);

  // Issue 16 items 5 and 6: the hot-spot map links each area to its profile, and the profile gathers
  // every module's figures for that place.
  it("ranks hot spots on a map, then opens a district's profile from the table, axe clean", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(`${kith.baseUrl}/safety/hot-spots`);
    expect(await page.locator("h1").innerText()).toBe("Hot spots: where anti-social behaviour concentrates");
    expect(await page.locator("svg[role='img'] title").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    const district = page.locator("a[href^='/places/districts/']").first();
    const name = (await district.innerText()).trim();
    await district.click();
    expect(await page.locator("h1").innerText()).toBe(name);
    expect(await page.locator("h2").allInnerTexts()).not.toEqual([]);
    await expectAccessible(page);

    // The district lists its neighbourhoods, each linked to its own profile.
    const neighbourhood = page.locator("a[href^='/places/neighbourhoods/']").first();
    expect(await neighbourhood.count()).toBe(1);
    await neighbourhood.click();
    expect(await page.locator(".govuk-caption-l").innerText()).not.toBe("");
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 240_000);

  // Issue 16 item 6: a manager marks a neighbourhood for a campaign and the hot spots page lists it,
  // with its before-and-after figures on its own page.
  it("marks a neighbourhood for a waste amnesty and shows its before-and-after figures, axe clean", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(`${kith.baseUrl}/safety/hot-spots`);
    expect(await page.locator("#blocks, #hot-spot-campaigns, h2#campaigns").count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Mark an area for a campaign" }).click();
    expect(await page.locator("h1").innerText()).toBe("Mark an area for a campaign");
    await expectAccessible(page);

    // Nothing chosen: the error summary links to each field.
    await page.getByRole("button", { name: "Mark area" }).click();
    expect(await page.locator(".govuk-error-summary a").allInnerTexts()).toEqual([
      "Choose the area",
      "Choose the kind of campaign",
      "Enter the start date",
    ]);
    await expectAccessible(page);

    const area = page.getByLabel("Area", { exact: true });
    await area.selectOption({ index: 1 });
    const chosen = (await area.locator("option:checked").innerText()).replace(/^Neighbourhood: /, "");
    const name = chosen.replace(/ \(.*\)$/, "");
    await page.getByLabel("Waste amnesty").check();
    await page.locator("input[name='startedOn-day']").fill("1");
    await page.locator("input[name='startedOn-month']").fill("9");
    await page.locator("input[name='startedOn-year']").fill("2026");
    await page.getByLabel("Note (optional)").fill("Skips on the estate for two Saturdays");
    await page.getByRole("button", { name: "Mark area" }).click();

    expect(await page.locator("h1").innerText()).toBe(`Waste amnesty: ${name}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("marked for the campaign");
    // The journey's day is 1 November 2026: 62 days after the start, so the change is read.
    expect(await page.locator("#before-and-after caption").innerText()).toBe(
      "ASB reports before and after, 62 days each",
    );
    expect(await page.getByText("Too early to tell").count()).toBe(0);
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/safety/hot-spots`);
    const listed = page.locator("#hot-spot-campaigns tbody tr", { hasText: name });
    expect(await listed.count()).toBe(1);
    expect(await listed.innerText()).toContain("Running");
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 240_000);
});
