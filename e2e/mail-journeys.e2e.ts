import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

// The demo sends no email: a newcomer reads it on the mail preview page.
describe("mail journeys", () => {
  const kith = useKithInBrowser();

  // JavaScript stays on so axe can run; test/ and pages.test.ts cover the same forms as plain HTTP posts.
  it("resets a forgotten password through the mail preview", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto(`${kith.baseUrl}/forgot-password`);
    await page.getByLabel("Email address").fill("officer@demo.kith.example");
    await page.getByRole("button", { name: "Send the link" }).click();
    expect(await page.locator("h1").innerText()).toContain("Check your email");
    await expectAccessible(page);

    await page.getByRole("link", { name: "open the mail preview" }).click();
    await page.getByLabel("Show emails to").fill("officer@demo.kith.example");
    await page.getByRole("button", { name: "Show emails" }).click();
    expect(await page.locator("h1").innerText()).toBe("Mail preview");
    await expectAccessible(page);
    const firstEmail = page.locator("main section").first();
    expect(await firstEmail.locator("h2").innerText()).toBe("Reset your Kith password");
    expect(await firstEmail.innerText()).toContain("someone asked to reset the password");

    await firstEmail.locator("a[href*='/reset-password/']").click();
    await page.getByLabel("New password").fill("a fresh demo password");
    await page.getByRole("button", { name: "Save password" }).click();
    expect(await page.locator("h1").innerText()).toContain("Password changed");
    await signIn(page, kith.baseUrl, "officer@demo.kith.example", "a fresh demo password");
    expect(consoleErrors).toEqual([]);
  });

  it("shows an admin the outbox and resends a failed email", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    const [organisation] = await kith.database.query<{ id: string }>(
      "SELECT organisation_id AS id FROM app_user WHERE email = 'admin@demo.kith.example'",
    );
    await kith.database.query(
      `INSERT INTO outbound_message (organisation_id, id, recipient, subject, body, created_at, status, attempts, last_error)
       VALUES ($1, gen_random_uuid(), 'gone@example.org', 'Your grant payment', 'Paid.', $2, 'failed', 5, '550 No such user here')`,
      [organisation.id, new Date()],
    );
    await signIn(page, kith.baseUrl, "admin@demo.kith.example");
    await page.goto(`${kith.baseUrl}/admin/outbox?view=failed`);
    expect(await page.locator("h1").innerText()).toBe("Outbox");
    expect(await page.locator("table").innerText()).toContain("550 No such user here");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Resend the email to gone@example.org" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "The email is queued to be sent again",
    );
    expect(await page.locator("table").innerText()).toContain("gone@example.org");
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  });
});
