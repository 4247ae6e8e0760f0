import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";
import { journeyDay } from "./journey-date.ts";

// Issue 13 item 3 on a 375 px phone: a tenant reports with evidence, is given a reference at
// once, uses a Change link, and messages the officer, who replies from the case page.

const phone = { width: 375, height: 740 };
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 4]);

function dayBefore(days: number): { day: string; month: string; year: string } {
  const date = new Date(journeyDay.getTime() - days * 86_400_000);
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
  };
}

describe("tenant portal on a phone", () => {
  const kith = useKithInBrowser();

  it("reports with evidence, gets a reference at once, changes an answer, and messages the officer", async () => {
    const tenant = await kith.newPage({ viewport: phone });
    const officer = await kith.newPage({ viewport: phone });
    tenant.setDefaultTimeout(30_000);
    officer.setDefaultTimeout(30_000);
    const consoleErrors = [tenant, officer].map((page) => watchConsole(page));
    await signIn(tenant, kith.baseUrl, "tenant@demo.kith.example");
    await signIn(officer, kith.baseUrl, "officer@demo.kith.example");

    await tenant.goto(`${kith.baseUrl}/report`);
    expect(await tenant.locator(".govuk-warning-text").innerText()).toContain(
      "If you are in danger now, call 999",
    );
    expect(await tenant.locator("input[type=radio]").count()).toBe(0);
    await expectAccessible(tenant);
    await tenant.getByRole("button", { name: "Start now" }).click();
    expect(await tenant.locator("h1").innerText()).toBe("What do you want to report?");
    expect(await tenant.locator("main").innerText()).not.toContain("No access for gas");
    await expectAccessible(tenant);
    await tenant.getByLabel("Noise", { exact: true }).check();
    await tenant.getByRole("button", { name: "Continue" }).click();
    await expectAccessible(tenant);
    const first = dayBefore(1);
    await tenant.getByLabel("Day").fill(first.day);
    await tenant.getByLabel("Month").fill(first.month);
    await tenant.getByLabel("Year").fill(first.year);
    await tenant.getByRole("button", { name: "Continue" }).click();
    await expectAccessible(tenant);
    await tenant.getByLabel("At or near my home").check();
    await tenant.getByRole("button", { name: "Continue" }).click();
    await expectAccessible(tenant);
    await tenant.getByLabel("What happened?").fill("Bass through the ceiling until 3am.");
    await tenant.getByRole("button", { name: "Continue" }).click();
    expect(await tenant.locator("h1").innerText()).toBe("Check your report before sending it");
    await expectAccessible(tenant);

    await tenant.getByRole("button", { name: "Change when it happened" }).click();
    expect(await tenant.locator("h1").innerText()).toBe("When did it happen?");
    await expectAccessible(tenant);
    const second = dayBefore(2);
    await tenant.getByLabel("Day").fill(second.day);
    await tenant.getByRole("button", { name: "Continue" }).click();
    expect(await tenant.locator("h1").innerText()).toBe("Check your report before sending it");
    expect(await tenant.locator(".govuk-summary-list").innerText()).toContain(
      new Date(journeyDay.getTime() - 2 * 86_400_000).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Europe/London",
      }),
    );
    await tenant.setInputFiles("#evidence", { name: "ceiling.png", mimeType: "image/png", buffer: png });
    await tenant.getByRole("button", { name: "Send report" }).click();
    expect(await tenant.locator(".govuk-panel__title").innerText()).toBe("Report sent");
    const reference = /ASB-\d{4}-\d{6}/.exec(await tenant.locator(".govuk-panel__body").innerText())?.[0];
    expect(reference).toBeDefined();
    await expectAccessible(tenant);
    const reportId = new URL(tenant.url()).searchParams.get("report") ?? "";

    await officer.goto(`${kith.baseUrl}/safety/pending/${reportId}`);
    await expectAccessible(officer);
    await officer.getByLabel("Open a new case").check();
    await officer.getByRole("button", { name: "Save decision" }).click();
    expect(await officer.locator("h1").innerText()).toContain(`Case ${reference}`);
    expect(await officer.getByRole("link", { name: "ceiling.png" }).count()).toBe(1);
    await expectAccessible(officer);
    const caseUrl = officer.url().split("?")[0] ?? "";

    await tenant.goto(`${kith.baseUrl}/my-cases`);
    await expectAccessible(tenant);
    await tenant.getByRole("link", { name: reference ?? "" }).click();
    expect(await tenant.locator("h1").innerText()).toContain(reference ?? "");
    await expectAccessible(tenant);
    await tenant.getByLabel("Send a message to your officer").fill("It happened again tonight at 1am.");
    await tenant.getByRole("button", { name: "Send message" }).click();
    expect(await tenant.locator(".govuk-notification-banner").innerText()).toContain(
      "Your message has been sent",
    );
    await expectAccessible(tenant);

    await officer.goto(caseUrl);
    const messages = officer.locator("#messages ~ ol").first();
    expect(await messages.innerText()).toContain("It happened again tonight at 1am.");
    await officer
      .getByLabel(/^Reply to /)
      .first()
      .fill("Thank you. I will visit on Thursday.");
    await officer.getByRole("button", { name: "Send reply" }).first().click();
    expect(await officer.locator(".govuk-notification-banner").innerText()).toContain(
      "Your reply has been sent",
    );
    await expectAccessible(officer);

    await tenant.reload();
    const thread = await tenant.locator("main").innerText();
    expect(thread).toContain("Thank you. I will visit on Thursday.");
    expect(thread).toContain("Your officer");
    await expectAccessible(tenant);
    expect(consoleErrors.flat()).toEqual([]);
  }, 300_000);
});
