import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";
import { journeyDay } from "./journey-date.ts";

// A known volunteer (the demo tenant, linked to a volunteer record) applies for a role on one page:
// their details are shown, not asked; only the missing phone number is asked.

describe("a known volunteer applies on one page", () => {
  const kith = useKithInBrowser();
  let slug = "";
  let role = { id: "", title: "" };

  beforeAll(async () => {
    const [organisation] = await kith.database.query<{ slug: string; id: string }>(
      "SELECT o.slug, o.id FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'tenant@demo.kith.example'",
    );
    slug = organisation?.slug ?? "";
    // The record lacks a phone number, so the one page asks for it and nothing else.
    await kith.database.query(
      "UPDATE volunteer SET phone = NULL WHERE user_id = (SELECT id FROM app_user WHERE email = 'tenant@demo.kith.example')",
    );
    const [open] = await kith.database.query<{ id: string; title: string }>(
      `SELECT r.id, r.title FROM vol_opportunity r
        WHERE r.organisation_id = $1 AND r.status = 'approved'
          AND r.places > (SELECT count(*) FROM vol_application a WHERE a.organisation_id = r.organisation_id
                            AND a.opportunity_id = r.id AND a.status IN ('approved', 'placed'))
          AND NOT EXISTS (SELECT 1 FROM vol_application a JOIN volunteer v ON v.organisation_id = a.organisation_id AND v.id = a.volunteer_id
                           JOIN app_user u ON u.id = v.user_id
                           WHERE a.organisation_id = r.organisation_id AND a.opportunity_id = r.id AND u.email = 'tenant@demo.kith.example')
        ORDER BY r.minimum_age NULLS FIRST, r.title LIMIT 1`,
      [organisation?.id],
    );
    role = open ?? role;
  });

  it("shows what is known, asks only the missing phone number, and sends the application", async () => {
    expect(role.id).not.toBe("");
    const page = await kith.newPage({ viewport: { width: 375, height: 740 } });
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "tenant@demo.kith.example");
    await page.goto(`${kith.baseUrl}/volunteer/${slug}/roles/${role.id}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Apply for this role" }).click();
    expect(await page.locator("h1").innerText()).toBe(`Apply: ${role.title}`);
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("Email");
    expect(await page.getByLabel("First name").count()).toBe(0);
    expect(await page.getByLabel("Email address").count()).toBe(0);
    await expectAccessible(page);

    await page.getByLabel("Phone number (optional)").fill("not a number");
    await page.getByRole("button", { name: "Send application" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("phone");
    await expectAccessible(page);

    await page.getByLabel("Phone number (optional)").fill("07700 900 982");
    await page.getByLabel("Why are you interested in this role? (optional)").fill("I live nearby.");
    await page.getByRole("button", { name: "Send application" }).click();
    expect(await page.locator(".govuk-panel__title").innerText()).toContain("Application sent");
    expect(await page.locator(".govuk-panel__body").innerText()).toMatch(/[0-9A-F]{8}/);
    await expectAccessible(page);

    // The application is dated by the app's pinned clock, not the machine's.
    const [applied] = await kith.database.query<{ day: string }>(
      "SELECT to_char(max(applied_at), 'YYYY-MM-DD') AS day FROM vol_application WHERE opportunity_id = $1",
      [role.id],
    );
    expect(applied?.day).toBe(journeyDay.toISOString().slice(0, 10));
    await page.goto(`${kith.baseUrl}/volunteer/${slug}/roles/${role.id}/apply`);
    expect(await page.getByLabel("Phone number (optional)").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
