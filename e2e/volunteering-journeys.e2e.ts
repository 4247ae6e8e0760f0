import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";
import { journeyDay } from "./journey-date.ts";

describe("volunteering journeys", () => {
  const kith = useKithInBrowser();
  let slug: string;

  beforeAll(async () => {
    const [row] = await kith.database.query<{ slug: string }>(
      "SELECT slug FROM organisation WHERE kind <> 'platform' AND EXISTS (SELECT 1 FROM vol_opportunity o WHERE o.organisation_id = organisation.id) LIMIT 1",
    );
    slug = row?.slug ?? "";
  });

  it("finds a role, applies without signing in, and a coordinator approves and places the volunteer", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto(`${kith.baseUrl}/volunteer/${slug}`);
    await expectAccessible(page);
    await page.getByLabel("What interests you").selectOption("digital");
    await page.getByLabel("Your postcode").fill("CT9 1AA");
    await page.getByRole("button", { name: "Search roles" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Digital buddy" }).first().click();
    await expectAccessible(page);
    const roleUrl = page.url();
    await page.getByRole("button", { name: "Apply for this role" }).click();

    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter your first name");
    await expectAccessible(page);
    await page.getByLabel("First name").fill("Jo");
    await page.getByLabel("Last name").fill("Tester");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("What is your email address?").fill("jo.tester@example.org");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Continue" }).click(); // phone is optional
    await page.getByLabel("Day").fill("5");
    await page.getByLabel("Month").fill("4");
    await page.getByLabel("Year").fill("1990");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Continue" }).click(); // postcode is optional
    await page.getByLabel("Computers and technology").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Weekday mornings").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page
      .getByLabel("Why are you interested in this role? (optional)")
      .fill("I help my neighbours with their phones.");
    await page.getByRole("button", { name: "Continue" }).click();
    expect(await page.locator("h1").innerText()).toContain("Check your answers");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Accept and send" }).click();
    expect(await page.locator(".govuk-panel__title").innerText()).toContain("Application sent");
    await expectAccessible(page);

    const staff = await kith.newPage();
    await signIn(staff, kith.baseUrl, "officer@demo.kith.example");
    await staff.goto(`${kith.baseUrl}/volunteering/applications?status=applied`);
    await expectAccessible(staff);
    const row = staff.locator("tr", { hasText: "Jo Tester" });
    await row.getByRole("button", { name: "Approve" }).click();
    expect(await staff.locator(".govuk-notification-banner").innerText()).toContain("Application approved");
    await staff.goto(`${kith.baseUrl}/volunteering/applications?status=approved`);
    await staff
      .locator("tr", { hasText: "Jo Tester" })
      .getByRole("button", { name: "Place in role" })
      .click();
    expect(await staff.locator(".govuk-notification-banner").innerText()).toContain("placed");
    await expectAccessible(staff);
    expect(roleUrl).toContain("/roles/");
    expect(consoleErrors).toEqual([]);
  });

  it("logs hours on a phone, has them verified, shows the value on the dashboard and downloads a certificate", async () => {
    const phone = await kith.newPage({ viewport: { width: 375, height: 740 } });
    const consoleErrors = watchConsole(phone);
    await signIn(phone, kith.baseUrl, "tenant@demo.kith.example");
    await phone.goto(`${kith.baseUrl}/my-volunteering`);
    await expectAccessible(phone);
    await phone.getByRole("button", { name: "Log hours" }).click();
    await expectAccessible(phone);
    const yesterday = new Date(journeyDay.getTime() - 24 * 3600 * 1000);
    await phone.getByLabel("Day").fill(String(yesterday.getUTCDate()));
    await phone.getByLabel("Month").fill(String(yesterday.getUTCMonth() + 1));
    await phone.getByLabel("Year").fill(String(yesterday.getUTCFullYear()));
    await phone.getByLabel("How many hours?").fill("30");
    await phone.getByRole("button", { name: "Send hours" }).click();
    expect(await phone.locator(".govuk-error-summary").innerText()).toContain("24");
    await expectAccessible(phone);
    await phone.getByLabel("How many hours?").fill("2.5");
    await phone.getByLabel("Anything your coordinator should know? (optional)").fill("Phone journey entry");
    await phone.getByRole("button", { name: "Send hours" }).click();
    expect(await phone.locator(".govuk-notification-banner").innerText()).toContain("Hours sent");
    await expectAccessible(phone);

    const staff = await kith.newPage();
    await signIn(staff, kith.baseUrl, "officer@demo.kith.example");
    await staff.goto(`${kith.baseUrl}/volunteering/hours`);
    await expectAccessible(staff);
    const item = staff.locator(".govuk-checkboxes__item", { hasText: "Phone journey entry" });
    await item.locator("input").check();
    await staff.getByRole("button", { name: "Verify selected hours" }).click();
    expect(await staff.locator(".govuk-notification-banner").innerText()).toContain("Hours verified");

    const manager = await kith.newPage();
    await signIn(manager, kith.baseUrl, "manager@demo.kith.example");
    await manager.goto(`${kith.baseUrl}/volunteering`);
    await expectAccessible(manager);
    const value = await manager.locator("p", { hasText: "value of volunteering" }).first().innerText();
    expect(value).toMatch(/£[1-9][0-9,]*/);

    await phone.goto(`${kith.baseUrl}/my-volunteering/profile`);
    await expectAccessible(phone);
    await phone.goto(`${kith.baseUrl}/my-volunteering`);
    const download = phone.waitForEvent("download");
    await phone.getByRole("link", { name: "Download your certificate (PDF)" }).click();
    const file = await (await download).path();
    expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
    expect(consoleErrors).toEqual([]);
  });

  it("keeps every coordinator and report page accessible, and a role posted with mistakes shows its errors", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    for (const path of [
      "/volunteering/roles",
      "/volunteering/volunteers",
      "/volunteering/at-risk",
      "/volunteering/reports",
      "/volunteering/rates",
      "/volunteering/templates",
      "/volunteering/roles?status=submitted",
    ]) {
      await page.goto(`${kith.baseUrl}${path}`);
      expect(page.url()).toContain(path.split("?")[0]);
      await expectAccessible(page);
    }
    await page.goto(`${kith.baseUrl}/volunteering/roles`);
    await page.locator("table tbody tr td a").first().click();
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/volunteering/volunteers`);
    await page.locator("table tbody tr td a").first().click();
    expect(await page.locator("h2", { hasText: "Suggested roles" }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Change details" }).click();
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/volunteering/volunteers/new`);
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Register volunteer" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter their first name");
    expect(await page.locator("#givenName-error").count()).toBe(1);
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/volunteering/roles/new`);
    await expectAccessible(page);
    await page.getByLabel("Role title").fill("Coffee morning host");
    await page.getByRole("button", { name: "Post role" }).click();
    const summary = await page.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter a description of the role");
    expect(summary).toContain("Select a theme");
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  });
});
