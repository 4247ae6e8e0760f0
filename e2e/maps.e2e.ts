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
});
