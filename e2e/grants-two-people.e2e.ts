import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

// A grant needing two people to pay: the manager approves a £15,000 direct award, so
// someone else must authorise its payment; the authoriser cannot record it paid; the
// payment is recorded with its bank reference, and paying before the due date needs a
// recorded reason. The recipient's bank details are shown masked. Every page on the way is checked with axe.

describe("a grant needing two people to pay", () => {
  const kith = useKithInBrowser();
  let grantUrl = "";

  async function errorSummary(page: Page): Promise<string> {
    return page.locator(".govuk-error-summary").innerText();
  }

  it("the manager approves the award but cannot authorise its payment", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(`${kith.baseUrl}/grants/manage/controls`);
    await expectAccessible(page);
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("On for grants over £5,000");

    await page.goto(`${kith.baseUrl}/grants/manage/grants?status=proposed`);
    await page.getByRole("link", { name: /^GR-/ }).first().click();
    grantUrl = page.url();
    expect(await page.locator("h1").innerText()).toBe("Holiday food and fun");
    await page.getByRole("button", { name: "Approve direct award" }).click();
    await page.getByRole("button", { name: "Approve instalment 1" }).click();
    expect(await errorSummary(page)).toContain(
      "You approved this award, so someone else must authorise its payments.",
    );
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  });

  it("the admin authorises the payment but cannot record it paid", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "admin@demo.kith.example");
    await page.goto(grantUrl);
    await page.getByRole("button", { name: "Approve instalment 1" }).click();
    expect(await page.getByRole("table", { name: "Payment schedule" }).innerText()).toContain(
      "Authorised by Amira Hassan",
    );
    await expectAccessible(page);
    await page.getByText("Record instalment 1 as paid").first().click();
    await page.getByLabel("Payment reference").fill("BACS HFF 0001");
    await page.getByRole("button", { name: "Record instalment 1 as paid" }).click();
    expect(await errorSummary(page)).toContain(
      "You authorised this payment, so someone else must mark it paid.",
    );
    await expectAccessible(page);
  });

  it("the manager records it paid early only with a reason, and the page shows the reference", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(grantUrl);
    // The recipient's bank details: a sort code of the wrong shape is refused; the rest is shown masked.
    await page.getByText("Record the bank details").click();
    await page.getByLabel("Name on the account").fill("Twydall Community Kitchen");
    await page.getByLabel("Sort code").fill("12-34-5");
    await page.getByLabel("Account number").fill("12345678");
    await page.getByRole("button", { name: "Save bank details" }).click();
    expect(await errorSummary(page)).toContain("Enter the sort code as 6 digits");
    await expectAccessible(page);
    await page.getByLabel("Sort code").fill("12-34-56");
    await page.getByRole("button", { name: "Save bank details" }).click();
    const bank = await page.locator("main").innerText();
    expect(bank).toContain("••-••-56");
    expect(bank).toContain("••••5678");
    expect(bank).not.toContain("12345678");
    await page.getByText("Record instalment 1 as paid").first().click();
    await page.getByLabel("Payment reference").fill("BACS#1");
    await page.getByRole("button", { name: "Record instalment 1 as paid" }).click();
    expect(await errorSummary(page)).toContain("letters, numbers, spaces and / - .");
    await expectAccessible(page);
    await page.getByLabel("Payment reference").fill("BACS HFF 0001");
    await page.getByRole("button", { name: "Record instalment 1 as paid" }).click();
    expect(await errorSummary(page)).toContain("give the reason for the override");
    await page.getByLabel(/^Reason for paying before/).fill("Food must be bought before the holiday starts");
    await page.getByRole("button", { name: "Record instalment 1 as paid" }).click();
    const schedule = await page.getByRole("table", { name: "Payment schedule" }).innerText();
    expect(schedule).toContain("Reference BACS HFF 0001");
    expect(schedule).toContain("Paid early: Food must be bought before the holiday starts");
    await expectAccessible(page);
  });
});
