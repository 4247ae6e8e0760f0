import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser } from "./harness.ts";

describe("participatory budgeting journeys", () => {
  const kith = useKithInBrowser();

  async function signedIn(
    email: string,
    options?: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean },
  ): Promise<Page> {
    const page = await kith.newPage(options);
    // Fail a step in seconds, not at the end of the whole journey's time limit.
    page.setDefaultTimeout(20_000);
    await signIn(page, kith.baseUrl, email);
    return page;
  }

  it("runs a process from idea to published results: propose, review, vote (approval and knapsack), close, results", async () => {
    const officer = await signedIn("officer@demo.kith.example");
    await officer.goto(`${kith.baseUrl}/budgeting/new`);
    await expectAccessible(officer);
    await officer.getByLabel("Title").fill("Hop Gardens quick fund");
    await officer.getByLabel("All our homes").check();
    await officer.getByLabel("Everyone who lives in the area").check();
    await officer.getByLabel(/^Approval: pick any number/).check();
    await officer.getByLabel("Greedy (most votes first)").check();
    for (const [label, value] of [
      ["Ideas open", "2026-01-01"],
      ["Checking starts", "2026-02-01"],
      ["Voting opens", "2026-03-01"],
      ["Voting closes (at the end of this day)", "2099-12-31"],
      ["Results published", "2099-12-31"],
    ])
      await officer.getByLabel(label, { exact: true }).fill(value);
    await officer.getByLabel("Budget name", { exact: true }).fill("Hop Gardens");
    await officer.getByLabel("Amount in pounds", { exact: true }).fill("5000");
    await officer.getByRole("button", { name: "Set up process" }).click();
    await expect.poll(() => officer.locator("h1").innerText()).toBe("Hop Gardens quick fund");
    const staffUrl = officer.url().split("?")[0];
    const publicUrl = `${kith.baseUrl}${await officer.locator("a[href^='/pb/']").first().getAttribute("href")}`;

    // A resident proposes two ideas, one question per page: the first on a phone with
    // JavaScript (checked with axe, which needs it), the second on one without.
    const phone = await signedIn("tenant@demo.kith.example", { viewport: { width: 375, height: 740 } });
    const noScript = await signedIn("tenant@demo.kith.example", {
      viewport: { width: 375, height: 740 },
      javaScriptEnabled: false,
    });
    const axe = async (page: Page) => {
      if (page !== noScript) await expectAccessible(page);
    };
    for (const [title, cost, tenant] of [
      ["Picnic tables", "1200", phone],
      ["Bug hotel", "300", noScript],
    ] as const) {
      await tenant.goto(publicUrl);
      await tenant.getByRole("button", { name: "Put forward an idea" }).click();
      await axe(tenant);
      await tenant.getByRole("button", { name: "Continue" }).click();
      expect(await tenant.locator(".govuk-error-summary").innerText()).toContain(
        "Enter a name for your idea",
      );
      await tenant.getByLabel("What is your idea called?").fill(title);
      await tenant.getByRole("button", { name: "Continue" }).click();
      await tenant.getByLabel("Describe your idea").fill(`${title} for the green`);
      await tenant.getByRole("button", { name: "Continue" }).click();
      await tenant.getByLabel("Where would it happen?").fill("Hop Gardens green");
      await tenant.getByRole("button", { name: "Continue" }).click();
      await tenant.getByLabel("How much do you think it will cost?").fill("-5");
      await tenant.getByRole("button", { name: "Continue" }).click();
      expect(await tenant.locator(".govuk-error-summary").innerText()).toContain("cannot be negative");
      await tenant.getByLabel("How much do you think it will cost?").fill(cost);
      await tenant.getByRole("button", { name: "Continue" }).click();
      await tenant.getByLabel("Green spaces and environment").check();
      await tenant.getByRole("button", { name: "Continue" }).click();
      await axe(tenant);
      await tenant.getByRole("button", { name: "Send idea" }).click();
      expect(await tenant.locator(".govuk-panel").innerText()).toContain("Idea sent");
      await axe(tenant);
    }

    // The officer reviews both, then opens voting.
    await officer.goto(staffUrl);
    await officer.getByRole("button", { name: "Close ideas and start checking" }).click();
    for (const title of ["Picnic tables", "Bug hotel"]) {
      await officer.getByRole("link", { name: `Review ${title}` }).click();
      await expectAccessible(officer);
      await officer.getByLabel("Yes, it is feasible").check();
      await officer
        .getByLabel("Final cost in pounds (if feasible)")
        .fill(title === "Bug hotel" ? "350" : "1500");
      await officer.getByRole("button", { name: "Save review" }).click();
    }
    await officer.getByRole("button", { name: "Open voting" }).click();
    await expectAccessible(officer);

    // The resident votes (approval) on the phone without JavaScript, after axe checks the page on the other.
    await phone.goto(`${publicUrl}/vote`);
    await expectAccessible(phone);
    const tenant = noScript;
    await tenant.goto(`${publicUrl}/vote`);
    await tenant.getByLabel("Bug hotel").check();
    await tenant.getByRole("button", { name: "Cast my vote" }).click();
    expect(await tenant.locator(".govuk-notification-banner").innerText()).toContain(
      "Your vote has been saved",
    );

    // ...and in the seeded knapsack vote. Without JavaScript the server shows the total;
    // with it, a live budget bar follows every tick.
    await officer.goto(`${kith.baseUrl}/budgeting`);
    await officer.getByRole("link", { name: "Estate improvements vote 2026" }).click();
    const knapsackUrl = `${kith.baseUrl}${await officer.locator("a[href^='/pb/']").first().getAttribute("href")}`;
    await tenant.goto(`${knapsackUrl}/vote`);
    expect(await tenant.locator("#budget-total").innerText()).toContain("of £30,000");
    expect(await tenant.locator("progress[data-role=bar]").isVisible()).toBe(false);
    await phone.goto(`${knapsackUrl}/vote`);
    await expectAccessible(phone);
    const boxes = phone.locator("input[name=choice]");
    // Everything at once is over the £30,000 budget: the live total says so, and so does the server.
    for (const box of await boxes.all()) await box.check();
    expect(await phone.locator("[data-role=left]").innerText()).toContain("over the budget");
    expect(await phone.locator("progress[data-role=bar]").isVisible()).toBe(true);
    await phone.getByRole("button", { name: /my vote/ }).click();
    expect(await phone.locator(".govuk-error-summary").innerText()).toContain("more than the budget");
    await expectAccessible(phone);
    for (const box of (await boxes.all()).slice(1)) await box.uncheck();
    expect(await phone.locator("[data-role=left]").innerText()).toContain("left");
    await phone.getByRole("button", { name: /my vote/ }).click();
    expect(await phone.locator(".govuk-notification-banner").innerText()).toContain(
      "Your vote has been saved",
    );
    await expectAccessible(phone);

    // The officer closes voting; the results are published and explained.
    await officer.goto(staffUrl);
    await officer.getByRole("button", { name: "Close voting and publish results" }).click();
    await officer.getByRole("link", { name: "See the results" }).click();
    await expect.poll(() => officer.locator("h1").innerText()).toBe("Hop Gardens quick fund");
    const results = await officer.locator("main").innerText();
    expect(results).toContain("Funded projects");
    expect(results).toContain("Bug hotel");
    expect(results).toContain("How the rules compare");
    expect(results).toContain("Greedy (most votes first)");
    await expectAccessible(officer);
    // Residents see the same published page.
    await phone.goto(`${publicUrl}/results`);
    expect(await phone.locator("main").innerText()).toContain("Bug hotel");
    await expectAccessible(phone);
  }, 240_000);

  it("shows the seeded Method of Equal Shares results: payments, each voter's share, charts and the rule comparison", async () => {
    const board = await signedIn("board@demo.kith.example");
    await board.goto(`${kith.baseUrl}/budgeting`);
    await board.getByRole("link", { name: "Your Neighbourhood Fund 2025" }).click();
    await board.getByRole("link", { name: "See the results" }).click();
    // Plain words first: every idea says why it was or was not funded.
    const plain = await board.locator("main").innerText();
    expect(plain).toContain("Why each idea was or was not funded");
    expect(plain).toMatch(/Not funded\. It had the \d+(st|nd|rd|th) most votes/);
    expect(plain).not.toContain("Each voter's share of the budget");
    // The technical detail is one click away.
    await board.getByText("Technical detail of the count").click();
    const text = await board.locator("main").innerText();
    expect(text).toContain("Method of Equal Shares, cost utilities, completion add1");
    expect(text).toContain("Each voter's share of the budget");
    expect(text).toContain("Supporters paid");
    expect(text).toContain("Voters with a funded project");
    expect(await board.locator("main svg").count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(board);
    // The board reads; it cannot move the process or enter ballots.
    await board.goBack();
    expect(await board.getByRole("button", { name: /Close|Open/ }).count()).toBe(0);
  });
});
