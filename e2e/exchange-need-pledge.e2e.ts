import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

describe("social value exchange journey", () => {
  const kith = useKithInBrowser();

  it("a group posts a need, an officer publishes it and opens a tender, a supplier pledges to meet it and earns points", async () => {
    const group = await kith.newPage();
    const consoleErrors = watchConsole(group);
    await signIn(group, kith.baseUrl, "group@demo.kith.example");
    await group.goto(`${kith.baseUrl}/exchange`);
    await expectAccessible(group);
    await group.getByRole("button", { name: "Post a need" }).click();
    await expectAccessible(group);
    await group.getByLabel("Your organisation").fill("Ashford Youth Football Club");
    await group.getByLabel("What do you need?").fill("Goal nets for the under-12s");
    await group.getByLabel("Tell suppliers more").fill("Two sets of nets for the Saturday league.");
    await group.getByLabel("Equipment").check();
    await group.getByLabel("Estimated value in pounds").fill("-40");
    await group.getByLabel("Where is it needed?").fill("Ashford recreation ground");
    await group.getByRole("button", { name: "Post need" }).click();
    expect(await group.locator(".govuk-error-summary").innerText()).toContain("must be more than £0");
    await expectAccessible(group);
    await group.getByLabel("Estimated value in pounds").fill("240");
    await group.getByRole("button", { name: "Post need" }).click();
    expect(await group.locator(".govuk-notification-banner").innerText()).toContain("Need posted");
    const needUrl = group.url().split("?")[0];
    await expectAccessible(group);

    // The public needs list, signed out: the need is not there until an officer publishes it.
    const visitor = await kith.newPage();
    await visitor.goto(`${kith.baseUrl}/needs`);
    await expectAccessible(visitor);
    await visitor.getByRole("link", { name: "Weald and Medway Homes" }).click();
    const publicListUrl = visitor.url();
    expect(await visitor.locator("main").innerText()).not.toContain("Goal nets for the under-12s");

    const officer = await kith.newPage();
    await signIn(officer, kith.baseUrl, "officer@demo.kith.example");
    await officer.goto(needUrl);
    await officer.getByLabel("Publish it to suppliers").check();
    await officer.getByRole("button", { name: "Record decision" }).click();
    expect(await officer.locator(".govuk-notification-banner").innerText()).toContain("Decision recorded");

    await visitor.goto(publicListUrl);
    await visitor.getByLabel("Category").selectOption({ label: "Equipment" });
    await visitor.getByRole("button", { name: "Show needs" }).click();
    expect(visitor.url()).toContain("category=equipment");
    expect(await visitor.locator("main").innerText()).toContain("matching your filters");
    await expectAccessible(visitor);
    await visitor.getByRole("link", { name: "Goal nets for the under-12s" }).click();
    expect(await visitor.locator("h1").innerText()).toBe("Goal nets for the under-12s");
    expect(await visitor.locator(".govuk-summary-list").innerText()).toContain("£240.00");
    await expectAccessible(visitor);
    await officer.goto(`${kith.baseUrl}/exchange/contracts/new`);
    await expectAccessible(officer);
    const closes = new Date(Date.now() + 30 * 86_400_000);
    await officer.getByLabel("Contract title").fill("Playground inspections 2027");
    await officer.getByLabel("What the contract is for").fill("Annual inspections of 40 play areas.");
    await officer.getByLabel("Contract value in pounds").fill("120000");
    await officer.getByLabel("Community development", { exact: true }).check();
    await officer.getByLabel("Day").fill(String(closes.getUTCDate()));
    await officer.getByLabel("Month").fill(String(closes.getUTCMonth() + 1));
    await officer.getByLabel("Year").fill(String(closes.getUTCFullYear()));
    await officer.getByRole("button", { name: "Open tender" }).click();
    expect(await officer.locator(".govuk-notification-banner").innerText()).toContain("Tender opened");
    const tenderUrl = officer.url().split("?")[0];
    await expectAccessible(officer);

    const supplier = await kith.newPage();
    await signIn(supplier, kith.baseUrl, "supplier@demo.kith.example");
    await supplier.goto(tenderUrl);
    await supplier.getByRole("button", { name: "Pledge social value" }).click();
    await expectAccessible(supplier);
    const due = new Date(Date.now() + 60 * 86_400_000);
    await supplier.getByLabel("Community development").check();
    await supplier.getByLabel("Equipment").check();
    await supplier.getByLabel("Describe the pledge").fill("Two sets of goal nets, fitted");
    await supplier.getByLabel("Value in pounds").fill("240");
    await supplier.getByLabel("Day").fill(String(due.getUTCDate()));
    await supplier.getByLabel("Month").fill(String(due.getUTCMonth() + 1));
    await supplier.getByLabel("Year").fill(String(due.getUTCFullYear()));
    await supplier.getByLabel(/Goal nets for the under-12s/).check();
    await supplier.getByRole("button", { name: "Offer pledge" }).click();
    expect(await supplier.locator(".govuk-notification-banner").innerText()).toContain("Pledge offered");
    // £240 of the £6,000 full-marks value (5% of £120,000) earns 0.40 of 10 marks.
    expect(await supplier.locator("table caption").first().innerText()).toContain("0.40 of 10.00 marks");
    await expectAccessible(supplier);

    await group.goto(needUrl);
    expect(await group.locator("body").innerText()).toContain("Pledges meeting this need (0)");
    await officer.goto(needUrl);
    expect(await officer.locator("body").innerText()).toContain("Two sets of goal nets, fitted");
    await officer.goto(`${kith.baseUrl}/exchange/report`);
    await expectAccessible(officer);
    expect(consoleErrors).toEqual([]);
  });
});
