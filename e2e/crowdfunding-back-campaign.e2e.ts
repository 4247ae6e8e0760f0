import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { settleCampaign } from "../src/modules/crowdfunding/index.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

describe("crowdfunding journeys", () => {
  const kith = useKithInBrowser();

  /** axe runs inside the page, so it can only check pages with JavaScript on. */
  async function pledge(
    page: Page,
    amount: string,
    name: string,
    email: string,
    checkAccessibility: boolean,
  ): Promise<void> {
    const expectAccessibleHere = checkAccessibility ? expectAccessible : async () => {};
    await page.getByRole("button", { name: "Back this campaign" }).click();
    await page.getByLabel("How much do you want to pledge?").fill(amount);
    await page.getByLabel("No reward, thank you").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectAccessibleHere(page);
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Continue" }).click();
    await expectAccessibleHere(page);
    await page.getByLabel("Yes, show my name").check();
    await page.getByLabel("Message to the group (optional)").fill("Good luck from the e2e test");
    await page.getByRole("button", { name: "Continue" }).click();
    expect((await page.locator("h1").innerText()).trim()).toBe("Check your pledge");
    await expectAccessibleHere(page);
    await page.getByRole("button", { name: "Confirm pledge" }).click();
    expect(await page.locator(".govuk-panel").innerText()).toMatch(
      /Pledge confirmed\s+Your reference\s+KP-[0-9A-F]{10}/,
    );
    await expectAccessibleHere(page);
    await page.getByRole("link", { name: "Back to the campaign" }).click();
  }

  it("backs a live campaign (one backer with JavaScript, one without) until it meets its target, and it succeeds at the deadline", async () => {
    const [campaign] = await kith.database.query<{
      id: string;
      organisation_id: string;
      reference: string;
      title: string;
      slug: string;
      short: number;
    }>(
      `SELECT c.id, c.organisation_id, c.reference, c.title, o.slug, (c.target_pence - c.backer_pence - c.match_pence)::int AS short
       FROM crowdfunding_campaign c JOIN organisation o ON o.id = c.organisation_id
       WHERE c.status = 'live' AND c.closes_at > now() ORDER BY short LIMIT 1`,
    );
    expect(campaign).toBeDefined();
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto(`${kith.baseUrl}/campaigns`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Weald and Medway Homes" }).click();
    expect(await page.locator("svg[role='img'] title").allTextContents()).toContain(
      "Live campaigns by district",
    );
    await expectAccessible(page);
    await page.getByRole("link", { name: campaign.title, exact: true }).first().click();
    expect(await page.locator(".kith-progress").innerText()).toContain("target");
    await expectAccessible(page);

    // A £0 pledge is refused with an error summary linked to the field.
    await page.getByRole("button", { name: "Back this campaign" }).click();
    await page.getByLabel("How much do you want to pledge?").fill("0");
    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("must be more than £0");
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/campaigns/${campaign.slug}/${campaign.reference}`);

    // Two backers: the first gives half of what is missing, the second the rest.
    const half = Math.floor(campaign.short / 2 / 100);
    const rest = (campaign.short - half * 100) / 100;
    await pledge(page, String(half), "Ada Lovelace", "ada.e2e@example.org", true);
    const noScript = await kith.newPage({ javaScriptEnabled: false });
    await noScript.goto(`${kith.baseUrl}/campaigns/${campaign.slug}/${campaign.reference}`);
    await pledge(noScript, rest.toFixed(2), "Ben Okri", "ben.e2e@example.org", false);
    expect(await noScript.locator(".kith-progress").innerText()).toMatch(/\(100%\)/);
    await page.reload();
    expect(await page.locator("body").innerText()).toContain("Ada Lovelace pledged");
    expect(await page.locator("body").innerText()).toContain("Ben Okri pledged");

    // The deadline passes: the settlement job's code collects every pledge.
    const [{ closes_at: closesAt }] = await kith.database.query<{ closes_at: Date }>(
      "SELECT closes_at FROM crowdfunding_campaign WHERE id = $1",
      [campaign.id],
    );
    const result = await settleCampaign(
      kith.database.db,
      systemActor(campaign.organisation_id),
      new Date(new Date(closesAt).getTime() + 60_000),
      campaign.id,
    );
    expect(result.status).toBe("successful");
    expect(result.collectedPence).toBeGreaterThanOrEqual(result.targetPence);
    await page.reload();
    expect(await page.locator("body").innerText()).toContain("This campaign is successful.");
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it("lets an officer verify a campaign, see its backers and read the report", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/crowdfunding`);
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/crowdfunding?status=in-review`);
    await page.locator("table tbody tr td a").first().click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Verify campaign" }).click();
    await page.getByLabel("Approve and launch the campaign").check();
    await page.getByRole("button", { name: "Record decision" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Confirm every check before approving",
    );
    await expectAccessible(page);
    for (const box of await page.locator("input[name='checks']").all()) await box.check();
    await page.getByLabel("Approve and launch the campaign").check();
    await page.getByRole("button", { name: "Record decision" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("Review recorded");
    expect(await page.locator(".govuk-tag").first().innerText()).toMatch(/live/i);
    await page.getByRole("button", { name: "Make a match pledge" }).click();
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/crowdfunding/report`);
    expect(await page.locator("body").innerText()).toMatch(
      /Funds levered per £1 of own money\s+£\d+\.\d\d from others/,
    );
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/crowdfunding/funds`);
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/crowdfunding/campaigns/new`);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  });
});
