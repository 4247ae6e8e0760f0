import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";
import { journeyDay } from "./journey-date.ts";

describe("community investment and impact journeys", () => {
  const kith = useKithInBrowser();

  it("creates a project with a theory of change, records a session and its attendance, records an outcome, sees the dashboard and downloads the report", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");

    // The portfolio, with counts by stage.
    await page.goto(`${kith.baseUrl}/investment`);
    expect(await page.locator(".govuk-body-l").first().innerText()).toMatch(
      /\d+ active, \d+ in the pipeline/,
    );
    await expectAccessible(page);

    // Create a project: a bad submission first, then a good one.
    await page.getByRole("link", { name: "Add a project or service" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save project" }).click();
    const summary = await page.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter the project name");
    expect(summary).toContain("Choose at least one theme");
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);

    await page.getByLabel("Name", { exact: true }).fill("Rochester Memory Café");
    await page
      .getByRole("group", { name: "Is this a project or an ongoing service?" })
      .getByLabel("Service")
      .check();
    await page.getByRole("group", { name: "Stage" }).getByLabel("Active").check();
    await page.getByLabel("Promoting wellbeing and preventing crisis").check();
    await page.getByLabel("Area", { exact: true }).selectOption({ label: "Medway" });
    await page.getByRole("group", { name: "Is there a genuine need?" }).getByLabel("Yes").check();
    await page.getByRole("group", { name: "Are we best placed to meet it?" }).getByLabel("Yes").check();
    await page.getByRole("group", { name: "Can we resource it?" }).getByLabel("Yes").check();
    await page.getByLabel("Inputs").fill("Dementia-friendly volunteers, hall hire");
    await page
      .getByLabel("Activities", { exact: true })
      .fill("A fortnightly café for people living with dementia and their carers");
    await page.getByLabel("Outputs").fill("Sessions held, carers supported");
    await page.getByLabel("Outcomes", { exact: true }).fill("Carers are less isolated");
    await page.getByLabel("6 months").check();
    await page.getByLabel("Internal funding, in pounds (optional)").fill("4,500");
    await page.getByLabel("External funding, in pounds (optional)").fill("12000.50");
    await page.getByLabel("External funding source (optional)").fill("Kent Community Foundation");
    await page.getByLabel("Members (optional)").fill("Pat Jones, Chair, local\nAmir Khan, Staff lead");
    await page.getByRole("button", { name: "Save project" }).click();
    expect((await page.locator("h1").innerText()).trim()).toBe("Rochester Memory Café");
    const body = await page.locator("main").innerText();
    expect(body).toContain("Role: Lead");
    expect(body).toContain("A fortnightly café for people living with dementia and their carers");
    expect(body).toContain("£12,000.50"); // the funding table shows exact amounts
    expect(body).toContain("1 of 2 members are local people");
    await expectAccessible(page);
    const projectUrl = page.url();

    // Edit the plan without JavaScript: a bad theory-of-change edit shows its error beside the field,
    // then a template is applied; the steering group gains a local resident.
    await page.getByRole("link", { name: "Change the theory of change or apply a template" }).click();
    await expectAccessible(page);
    await page.getByLabel("Activities", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save theory of change" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the activities");
    expect(await page.locator("#tocActivities-error").innerText()).toContain("Enter the activities");
    await expectAccessible(page);
    const template = page.getByLabel("Apply a theory of change template");
    await template.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Save theory of change" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "theory of change has been saved",
    );
    await page.getByRole("link", { name: "Change the steering group" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Jo Smith");
    await page.getByLabel("Role", { exact: true }).fill("Resident representative");
    await page.getByLabel("Lives in the area the project serves").check();
    await page.getByRole("button", { name: "Add member" }).click();
    expect(await page.locator("main").innerText()).toContain("2 of 3 members are local people");
    await expectAccessible(page);
    await page.goto(projectUrl);

    // Record a session, then its attendance.
    await page.getByRole("link", { name: "Record a session" }).click();
    await expectAccessible(page);
    await page.getByLabel("Session title").fill("Memory café");
    const yesterday = new Date(journeyDay.getTime() - 86_400_000);
    await page.getByLabel("Day").fill(String(yesterday.getUTCDate()));
    await page.getByLabel("Month").fill(String(yesterday.getUTCMonth() + 1));
    await page.getByLabel("Year").fill(String(yesterday.getUTCFullYear()));
    await page.getByLabel("Length in minutes").fill("90");
    await page.getByLabel("Light-touch").check();
    await page.getByRole("button", { name: "Save session" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("Now record who came");
    await expectAccessible(page);
    // Find people by search (the register never lists the whole organisation) and tick three.
    const [{ given_name: name }] = await kith.database.query<{ given_name: string }>(
      "SELECT p.given_name FROM participant x JOIN person p ON p.organisation_id = x.organisation_id AND p.id = x.person_id GROUP BY p.given_name ORDER BY count(*) DESC LIMIT 1",
    );
    await page.getByLabel("Search by name, postcode or reference").fill(name);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const found = page.locator("#register-candidates input[name=add]");
    await found.nth(0).check();
    await found.nth(1).check();
    await found.nth(2).check();
    await page.getByRole("button", { name: "Add ticked people" }).click();
    expect(await page.locator("#present").innerText()).toContain(name);
    await page.getByLabel("Search by name, postcode or reference").fill(name);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.locator("#register-candidates input[name=add]").first().check();
    await page.getByLabel("Volunteers").check();
    await page.getByRole("button", { name: "Add ticked people" }).click();
    expect(await page.locator("main").innerText()).toContain("4 people recorded");
    await expectAccessible(page);

    // Record an outcome: refused without a participant, then saved.
    await page.goto(`${kith.baseUrl}/impact/outcomes/new`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save outcome" }).click();
    const outcomeErrors = await page.locator(".govuk-error-summary").innerText();
    expect(outcomeErrors).toContain("Choose the participant this outcome is for");
    await expectAccessible(page);
    const participant = page.getByLabel("Participant", { exact: true });
    const participantValue = await participant.locator("option").nth(3).getAttribute("value");
    await participant.selectOption(participantValue ?? "");
    await page.getByLabel("Project or service").selectOption({ label: "Rochester Memory Café" });
    await page
      .getByLabel("Value-bank outcome (optional)")
      .selectOption({ label: "Less often lonely (SOC-LONELY)" });
    await page.getByLabel("Day").fill(String(yesterday.getUTCDate()));
    await page.getByLabel("Month").fill(String(yesterday.getUTCMonth() + 1));
    await page.getByLabel("Year").fill(String(yesterday.getUTCFullYear()));
    await page.getByLabel("Wellbeing before (optional)").fill("16");
    await page.getByLabel("Wellbeing after (optional)").fill("22");
    await page.getByLabel("Evidence").fill("Before and after survey");
    await page.getByRole("button", { name: "Save outcome" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "The outcome has been recorded",
    );
    expect(await page.locator("main").innerText()).toContain("Rochester Memory Café");
    await expectAccessible(page);

    // The dashboard.
    await page.goto(`${kith.baseUrl}/impact`);
    const dashboard = await page.locator("main").innerText();
    expect(dashboard).toContain("Residents reached");
    expect(dashboard).toMatch(/£[\d.]+ of social value for every £1 invested/);
    expect(dashboard).toContain("priority neighbourhoods");
    // Activity is a district map with its key and a named table, not unnamed tiles.
    expect(await page.locator("#activity-map svg title").textContent()).toBe("Sessions by district");
    expect(await page.locator("#activity-map svg path[fill^='#']").count()).toBeGreaterThan(0);
    expect(await page.locator("#activity-map-neighbourhoods tbody tr").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // The annual report, and its PDF and HTML downloads.
    await page.goto(`${kith.baseUrl}/impact/report`);
    expect(await page.locator("h1").innerText()).toMatch(/Social impact report \d{4}\/\d{2}/);
    await expectAccessible(page);
    const pdfLink = await page.getByRole("link", { name: "Download the report as PDF" }).getAttribute("href");
    const pdf = await page.request.get(`${kith.baseUrl}${pdfLink}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await page.getByRole("link", { name: "Download as HTML" }).getAttribute("href")).toContain(
      "format=html",
    );

    await page.goto(projectUrl);
    expect(await page.locator("main").innerText()).toContain("Memory café");
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it("refuses attendance for a session in the future with a clear message", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/investment?stage=active`);
    await page.locator("table tbody tr td a").first().click();
    await page.getByRole("link", { name: "Record a session" }).click();
    const nextWeek = new Date(journeyDay.getTime() + 7 * 86_400_000);
    await page.getByLabel("Session title").fill("Planned");
    await page.getByLabel("Day").fill(String(nextWeek.getUTCDate()));
    await page.getByLabel("Month").fill(String(nextWeek.getUTCMonth() + 1));
    await page.getByLabel("Year").fill(String(nextWeek.getUTCFullYear()));
    await page.getByLabel("Length in minutes").fill("60");
    await page.getByLabel("In-depth").check();
    await page.getByRole("button", { name: "Save session" }).click();
    const [{ given_name: name }] = await kith.database.query<{ given_name: string }>(
      "SELECT p.given_name FROM participant x JOIN person p ON p.organisation_id = x.organisation_id AND p.id = x.person_id GROUP BY p.given_name ORDER BY count(*) DESC LIMIT 1",
    );
    await page.getByLabel("Search by name, postcode or reference").fill(name);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.locator("#register-candidates input[name=add]").first().check();
    await page.getByRole("button", { name: "Add ticked people" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("which is in the future");
    await expectAccessible(page);

    // Follow-ups due at 6 and 12 months: a bad answer is named, a good one is saved.
    await page.goto(`${kith.baseUrl}/investment/follow-ups`);
    await expectAccessible(page);
    await page
      .getByRole("link", { name: /Record \d+-month follow-up/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Save follow-up" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Say whether the outcome was sustained",
    );
    await expectAccessible(page);
    const today = journeyDay;
    await page.getByLabel("Day").fill(String(today.getUTCDate()));
    await page.getByLabel("Month").fill(String(today.getUTCMonth() + 1));
    await page.getByLabel("Year").fill(String(today.getUTCFullYear()));
    await page.getByLabel("Yes").check();
    await page.getByRole("button", { name: "Save follow-up" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "The follow-up has been recorded",
    );
  });

  it("refuses a value-bank file with a negative value, naming the line, and keeps the bank in use", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "manager@demo.kith.example");
    await page.goto(`${kith.baseUrl}/impact/value-bank`);
    await expectAccessible(page);
    const header =
      "code,name,category,deadweight_percent,under_25_london,under_25_outside_london,25_49_london,25_49_outside_london,50_plus_london,50_plus_outside_london,unknown_london,unknown_outside_london,excludes";
    await page.getByLabel("Value bank CSV file").setInputFiles({
      name: "bank.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\nA,Alpha,social,10,1,1,1,1,-5,1,1,1,\n`),
    });
    await page.getByLabel("Name", { exact: true }).fill("Our licensed bank");
    await page.getByLabel("Source (shown beside every figure)").fill("HACT licence 2025");
    await page.getByLabel("Licence").fill("Licensed");
    await page.getByLabel("Price year").fill("2024");
    await page.getByRole("button", { name: "Import value bank" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Line 2: the value for 50 and over, London cannot be negative (-5)",
    );
    expect(await page.locator("main").innerText()).toContain("Kith open default value bank");
    await expectAccessible(page);
  });

  it("passes axe on every other investment and impact page", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    for (const path of [
      "/investment/strategy",
      "/investment/sessions",
      "/investment/participants",
      "/investment/participants/new",
      "/impact/social-value",
    ]) {
      const response = await page.goto(`${kith.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectAccessible(page);
    }
    await page.goto(`${kith.baseUrl}/investment/participants`);
    await page.locator("table tbody tr td a").first().click();
    expect(await page.locator("h2, caption").allInnerTexts()).toContain("Outcomes");
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/investment/sessions`);
    await page.locator("table tbody tr td a").first().click();
    expect(await page.getByLabel("Search by name, postcode or reference").count()).toBe(1);
    await expectAccessible(page);
  });

  it("keeps the board out of participants' personal data but shows them the dashboard", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "board@demo.kith.example");
    await page.goto(`${kith.baseUrl}/impact`);
    expect(await page.locator("h1").innerText()).toBe("Community investment dashboard");
    await page.goto(`${kith.baseUrl}/impact/assets`);
    expect(await page.locator("h1").innerText()).toBe("Community assets and groups");
    expect(await page.locator("main").innerText()).toContain("Projects using it");
    await expectAccessible(page);
    const refused = await page.goto(`${kith.baseUrl}/investment/participants`);
    expect(refused?.status()).toBe(403);
  });
});
