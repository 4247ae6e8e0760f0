import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";
import { journeyDay } from "./journey-date.ts";

// Grants in the browser: an organisation applies (with save and return and check
// answers), an officer assesses, a manager moderates and awards, and the grant shows
// on the public register. Every page on the way is checked with axe.

describe("grants journeys", () => {
  const kith = useKithInBrowser();
  let reference = "";
  let applicationUrl = "";

  async function answer(page: Page, question: string, value: "Yes" | "No") {
    await page.getByRole("group", { name: question }).getByLabel(value, { exact: true }).check();
  }

  it("applies for a grant: eligibility, save and return, check answers, confirmation with a reference", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "group@demo.kith.example");
    await page.goto(`${kith.baseUrl}/grants/apply`);
    await expectAccessible(page);
    await page.getByRole("button", { name: /Start an application to Community Chest/ }).click();
    await expectAccessible(page);
    reference = (await page.locator("main p strong").first().innerText()).trim();
    expect(reference).toMatch(/^GRA-[2-9A-Z]{8}$/);
    applicationUrl = page.url();

    await page.getByRole("link", { name: "Check your organisation is eligible" }).click();
    await page.getByRole("button", { name: "Save and continue" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Answer: Will your project take place in Kent or Medway?",
    );
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await answer(page, "Will your project take place in Kent or Medway?", "Yes");
    await answer(page, "Is your organisation not-for-profit?", "Yes");
    await answer(page, "Would the grant pay for something the law requires a public body to provide?", "No");
    await page.getByRole("button", { name: "Save and continue" }).click();

    // About your organisation: a charity must give a real charity number.
    await page.getByLabel("Organisation name").fill("Hoo Peninsula Wildlife Volunteers");
    await page.getByLabel("Registered charity", { exact: true }).check();
    await page.getByLabel("Charity number (if registered)").fill("12AB");
    await page.getByLabel("Town or city").fill("Hoo");
    await page.getByLabel("Postcode").fill("me3 9aa");
    await page.getByRole("button", { name: "Save and continue" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Enter a charity number of 6 or 7 digits",
    );
    await expectAccessible(page);
    await page.getByLabel("Charity number (if registered)").fill("1176789");
    await page.getByRole("button", { name: "Save and continue" }).click();

    // Save and return: leave, come back from "Your applications", carry on.
    await page.goto(`${kith.baseUrl}/grants/apply`);
    await page.getByRole("link", { name: reference }).click();
    expect(page.url()).toBe(applicationUrl);
    await page.getByRole("link", { name: "Contact details" }).click();
    await page.getByLabel("Full name").fill("Jo Marsh");
    await page.getByLabel("Email address").fill("jo@hoo-wildlife.example.org");
    await page.getByRole("button", { name: "Save and continue" }).click();

    await page.getByLabel("Project title").fill("Saltmarsh wardens");
    await page
      .getByLabel("What will you do, and who will benefit?")
      .fill("Training residents as volunteer wardens for the saltmarsh next to the estate.");
    await page.getByLabel("How much are you asking for?").fill("0");
    await page.getByLabel("Safer, greener shared spaces").check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("must be at least £1.00");
    await page.getByLabel("How much are you asking for?").fill("4,500");
    await page.getByRole("button", { name: "Save and continue" }).click();

    expect(await page.locator("h1").innerText()).toBe("Check your answers before sending your application");
    await expectAccessible(page);
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("£4,500.00");

    // The budget: two lines that add up to the amount asked for, and a PDF of the quote.
    await page.goto(applicationUrl);
    await page.getByRole("link", { name: "Budget", exact: true }).click();
    await expectAccessible(page);
    await page.getByLabel("What is the money for?").fill("Warden training sessions");
    await page.getByLabel("Cost", { exact: true }).fill("3000");
    await page.getByLabel("Category (optional)").selectOption("staff");
    await page
      .getByRole("group", { name: "Does other funding pay for part of this cost?" })
      .getByLabel("No")
      .check();
    await page.getByRole("button", { name: "Add budget line" }).click();
    await page.getByLabel("What is the money for?").fill("Waders and tools");
    await page.getByLabel("Cost", { exact: true }).fill("1,500");
    await page
      .getByRole("group", { name: "Does other funding pay for part of this cost?" })
      .getByLabel("Yes")
      .check();
    await page.getByRole("button", { name: "Add budget line" }).click();
    expect(await page.locator("table").innerText()).toContain("£4,500.00");
    await expectAccessible(page);
    await page.goto(`${applicationUrl}/documents`);
    await page.getByLabel("Quote for costs").check();
    await page.getByLabel("Upload a file").setInputFiles({
      name: "waders-quote.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% quote for waders\n"),
    });
    await page.getByRole("button", { name: "Upload document" }).click();
    expect(await page.locator("table").innerText()).toContain("waders-quote.pdf");
    await expectAccessible(page);
    await page.goto(`${applicationUrl}/check`);
    expect(await page.locator("main").innerText()).toContain("The budget lines add up to it.");
    await page.getByRole("button", { name: "Accept and send" }).click();
    expect(await page.locator(".govuk-panel").innerText()).toContain(reference);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    // Longer than the default: the budget and document steps add four pages checked with axe.
  }, 300_000);

  it("assesses against weighted criteria, moderates and awards a grant that reaches the public register", async () => {
    const officer = await kith.newPage();
    await signIn(officer, kith.baseUrl, "officer@demo.kith.example");
    await officer.goto(`${kith.baseUrl}/grants/manage/programmes`);
    await expectAccessible(officer);
    await officer
      .getByRole("link", { name: /Community Chest \d{4}$/ })
      .first()
      .click();
    await officer.getByRole("link", { name: reference }).click();
    await expectAccessible(officer);
    await officer.getByRole("button", { name: "Save assessment" }).click();
    expect(await officer.locator(".govuk-error-summary").innerText()).toContain(
      "Say whether you have a conflict of interest",
    );
    await expectAccessible(officer);
    await officer
      .getByRole("group", { name: "Do you have a conflict of interest with this applicant?" })
      .getByLabel("No")
      .check();
    await officer.getByLabel("Evidence of local need (weight 3)").selectOption("5");
    await officer.getByLabel("Residents involved in design and delivery (weight 2)").selectOption("4");
    await officer.getByLabel("Ability to deliver (weight 2)").selectOption("4");
    await officer.getByLabel("Value for money (weight 1)").selectOption("3");
    await officer.getByRole("button", { name: "Save assessment" }).click();
    // (5×3 + 4×2 + 4×2 + 3×1) / (5×8) = 34/40 = 85%
    expect(await officer.locator("table").first().innerText()).toContain("85.0%");

    const manager = await kith.newPage();
    await signIn(manager, kith.baseUrl, "manager@demo.kith.example");
    await manager.goto(officer.url().split("?")[0]);
    await manager.getByLabel("Moderation note").fill("Panel agreed: strong local need.");
    await manager.getByRole("button", { name: "Save moderation" }).click();
    await expectAccessible(manager);
    await manager.getByLabel("Award a grant").check();
    await manager
      .getByLabel("Reasons for the decision")
      .fill("Scored 85%; clear need and resident involvement.");
    await manager.getByLabel("Amount awarded").fill("4500");
    const start = journeyDay;
    const fill = async (legend: string, date: Date) => {
      const group = manager.getByRole("group", { name: legend });
      await group.getByLabel("Day").fill(String(date.getUTCDate()));
      await group.getByLabel("Month").fill(String(date.getUTCMonth() + 1));
      await group.getByLabel("Year").fill(String(date.getUTCFullYear()));
    };
    await fill("Grant starts", start);
    // A year less a day, so the grant has one instalment (a year to the day would add a second).
    await fill("Grant ends", new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), 0)));
    // Both are chosen from the organisation's staff users, not typed.
    await manager.getByLabel("Grant owner").selectOption({ label: "Priya Shah" });
    await manager.getByLabel("Accountable officer").selectOption({ label: "Gareth Lloyd" });
    await manager
      .getByLabel("Grant agreement conditions")
      .fill("Spend on the saltmarsh wardens project; report at the end.");
    await manager.getByLabel("Monitoring returns").selectOption("end-of-grant");
    await manager.getByRole("button", { name: "Record decision" }).click();
    expect(await manager.locator("h1").innerText()).toBe("Saltmarsh wardens");
    expect(await manager.locator(".govuk-notification-banner").innerText()).toContain("Grant awarded");
    expect(await manager.getByRole("table", { name: "Payment schedule" }).innerText()).toContain("£4,500.00");
    expect(await manager.locator("main").innerText()).toContain("Priya Shah");
    await expectAccessible(manager);

    // A variation of the agreement's conditions becomes version 2.
    await manager.getByText("Vary the agreement's conditions").click();
    await manager
      .getByLabel("Conditions", { exact: true })
      .fill("Spend on the saltmarsh wardens project; report at the end; credit the funder on signs.");
    await manager.getByLabel("Reason for the variation").fill("Funder credit added at the group's request");
    await manager.getByRole("button", { name: "Record variation" }).click();
    expect(await manager.locator(".govuk-notification-banner").innerText()).toContain("Agreement varied");
    expect(await manager.locator(".govuk-summary-list").nth(1).innerText()).toContain(
      "credit the funder on signs",
    );

    // Ending the grant with two months' notice is refused in words.
    await manager.getByLabel("End the funding").check();
    const twoMonths = new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, Math.min(start.getUTCDate(), 28)),
    );
    const effective = manager.getByRole("group", { name: "Takes effect on" });
    await effective.getByLabel("Day").fill(String(twoMonths.getUTCDate()));
    await effective.getByLabel("Month").fill(String(twoMonths.getUTCMonth() + 1));
    await effective.getByLabel("Year").fill(String(twoMonths.getUTCFullYear()));
    await manager.getByLabel("Reason", { exact: true }).fill("Budget cut");
    await manager.getByRole("button", { name: "Record change" }).click();
    expect(await manager.locator(".govuk-error-summary").innerText()).toContain(
      "three months after notice is given today",
    );
    await expectAccessible(manager);

    const visitor = await kith.newPage();
    await visitor.goto(`${kith.baseUrl}/grants/manage/register`);
    expect(visitor.url()).toContain("/sign-in");
    await manager.goto(`${kith.baseUrl}/grants/manage/register`);
    await expectAccessible(manager);
    const publicHref = await manager.getByRole("link", { name: /\/grants\/public\// }).getAttribute("href");
    await visitor.goto(`${kith.baseUrl}${publicHref}`);
    await expectAccessible(visitor);
    expect(await visitor.locator("table").innerText()).toContain("Hoo Peninsula Wildlife Volunteers");
    const download = await visitor.request.get(`${kith.baseUrl}${publicHref}/360giving.json`);
    const data = (await download.json()) as {
      grants: { title: string; recipientOrganization: { id: string }[] }[];
    };
    expect(
      data.grants.find((grant) => grant.title === "Saltmarsh wardens")?.recipientOrganization[0].id,
    ).toBe("GB-CHC-1176789");
    await visitor.goto(`${kith.baseUrl}${publicHref?.replace(/\/register$/, "")}`);
    await expectAccessible(visitor);

    // The group sees its grant, its payment and the return it will send.
    const group = await kith.newPage();
    await signIn(group, kith.baseUrl, "group@demo.kith.example");
    await group.goto(`${kith.baseUrl}/grants/apply`);
    await group.getByRole("link", { name: "Saltmarsh wardens" }).click();
    expect(await group.locator("main").innerText()).toContain("Monitoring return: Final return");
    await expectAccessible(group);
  });

  it("sets up a programme, reporting a bad line with its number", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(`${kith.baseUrl}/grants/manage/programmes/new`);
    await expectAccessible(page);
    await page.getByLabel("Programme code").fill("WARM-2027");
    await page.getByLabel("Title").fill("Warm Spaces 2027");
    await page
      .getByLabel("Description")
      .fill("Grants for community venues opening as warm spaces in winter.");
    await page.getByLabel("Innovation").check();
    await page.getByLabel("Budget").fill("50,000");
    await page.getByLabel("Largest award").fill("2,500");
    for (const [legend, day, month, year] of [
      ["Opens for applications", "1", "9", "2027"],
      ["Closes for applications", "31", "10", "2027"],
    ]) {
      const group = page.getByRole("group", { name: legend });
      await group.getByLabel("Day").fill(day);
      await group.getByLabel("Month").fill(month);
      await group.getByLabel("Year").fill(year);
    }
    await page
      .getByLabel("Eligibility questions")
      .fill("Is your venue open to the public? | yes | The venue must be open to the public");
    await page.getByLabel("Scoring criteria").fill("Reach | 2\nValue for money | lots");
    // Outcomes come from the community investment outcome framework, plus any of the programme's own.
    await page.getByRole("checkbox", { name: "Older residents are less isolated" }).check();
    await page
      .getByLabel("Other outcomes the programme funds (optional)")
      .fill("WS-1 | Warm, safe places to meet");
    await page.getByRole("button", { name: "Create programme" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Line 2: write the criterion and a whole-number weight",
    );
    await expectAccessible(page);
    await page.getByLabel("Scoring criteria").fill("Reach | 2\nValue for money | 1");
    await page.getByRole("button", { name: "Create programme" }).click();
    expect(await page.locator("h1").innerText()).toBe("Warm Spaces 2027");
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("£50,000.00");
    expect(await page.locator(".govuk-summary-list").innerText()).toContain(
      "W-1: Older residents are less isolated (outcome framework: Promoting wellbeing and preventing crisis)",
    );
    await expectAccessible(page);
  });

  it("refuses a direct award without a criterion and keeps what was typed", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/grants/manage/direct-awards/new`);
    await expectAccessible(page);
    await page.getByLabel("Title").fill("Emergency warm space");
    await page.getByRole("button", { name: "Propose direct award" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Choose the direct award criterion the grant meets",
    );
    expect(await page.getByLabel("Title").inputValue()).toBe("Emergency warm space");
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/grants/manage`);
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/grants/manage/grants`);
    await expectAccessible(page);
    await page.getByRole("link", { name: /^GR-/ }).first().click();
    await expectAccessible(page);
  });
});
