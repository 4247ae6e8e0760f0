import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

describe("resident involvement journeys", () => {
  const kith = useKithInBrowser();

  it("answers an open consultation on a phone, then staff see the result charted", async () => {
    const [org] = await kith.database.query<{ slug: string }>(
      "SELECT o.slug FROM organisation o WHERE EXISTS (SELECT 1 FROM consultation c WHERE c.organisation_id = o.id) LIMIT 1",
    );
    const phone = await kith.newPage({ viewport: { width: 375, height: 740 } });
    const consoleErrors = watchConsole(phone);
    await phone.goto(`${kith.baseUrl}/have-your-say/${org?.slug}`);
    await expectAccessible(phone);
    expect(await phone.locator("body").innerText()).toContain("We did");
    await phone.getByRole("link", { name: "Resident involvement strategy 2026" }).click();
    await phone.getByRole("button", { name: "Continue" }).click();
    expect(await phone.locator(".govuk-error-summary").innerText()).toContain("Select an answer");
    await expectAccessible(phone);
    await phone.getByLabel("Estate walkabouts").check();
    await phone.getByRole("button", { name: "Continue" }).click();
    await expectAccessible(phone);
    await phone.getByLabel("4").check();
    await phone.getByRole("button", { name: "Continue" }).click();
    await phone.getByRole("button", { name: "Send answers" }).click();
    expect(await phone.locator(".govuk-panel__title").innerText()).toContain("Thank you");
    await expectAccessible(phone);

    const staff = await kith.newPage();
    await signIn(staff, kith.baseUrl, "officer@demo.kith.example");
    for (const path of ["/engagement", "/engagement/consultations", "/engagement/you-said-we-did"]) {
      await staff.goto(`${kith.baseUrl}${path}`);
      await expectAccessible(staff);
    }
    await staff.goto(`${kith.baseUrl}/engagement/consultations`);
    await staff.getByRole("link", { name: "Resident involvement strategy 2026" }).click();
    expect(await staff.locator("figure svg").count()).toBeGreaterThan(0);
    expect(await staff.locator("body").innerText()).toContain("24");
    await expectAccessible(staff);
    expect(await staff.getByRole("link", { name: "Download the results (CSV)" }).count()).toBe(1);
    await staff.goto(`${kith.baseUrl}/engagement`);
    await staff.getByRole("link", { name: "Residents' scrutiny panel" }).click();
    await expectAccessible(staff);
    // Change a participation: a stop date before the start shows its error beside the field.
    await staff.locator("table tbody tr td a", { hasText: "Change" }).first().click();
    await expectAccessible(staff);
    await staff.getByLabel("Stopped on (optional)").fill("2000-01-01");
    await staff.getByRole("button", { name: "Save changes" }).click();
    expect(await staff.locator(".govuk-error-summary").innerText()).toContain(
      "on or after the date they started",
    );
    expect(await staff.locator("#endedOn-error").count()).toBe(1);
    await expectAccessible(staff);
    expect(consoleErrors).toEqual([]);
  });
});
