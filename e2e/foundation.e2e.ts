import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

describe("foundation journeys", () => {
  const kith = useKithInBrowser();

  it("signs in, searches a home, adds a person, sees deprivation, is refused another organisation's home, and signs out", async () => {
    const page = await kith.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto(`${kith.baseUrl}/`);
    await expectAccessible(page);
    await page.goto(`${kith.baseUrl}/sign-in`);
    await expectAccessible(page);

    // A wrong password is refused with an error summary linked to the field.
    await page.getByLabel("Email address").fill("officer@demo.kith.example");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain(
      "Enter a correct email address and password",
    );
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);

    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/places/homes`);
    await expectAccessible(page);
    const firstHome = await page.locator("table tbody tr td a").first().textContent();
    const postcode = (await page.locator("table tbody tr td").nth(1).textContent())?.trim() ?? "";
    await page.getByLabel("Address, postcode or UPRN").fill(postcode);
    await page.getByRole("button", { name: "Apply filters" }).click();
    expect(await page.locator("table tbody").innerText()).toContain(firstHome?.trim() ?? "");
    await page.locator("table tbody tr td a").first().click();
    expect((await page.locator("h1").innerText()).trim()).toBe(firstHome?.trim() ?? "");
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/people/new`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save person" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the first name");
    await expectAccessible(page);
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace-Test");
    await page.getByLabel("Day").fill("10");
    await page.getByLabel("Month").fill("12");
    await page.getByLabel("Year").fill("1985");
    await page.getByLabel("Resident").check();
    await page.getByRole("button", { name: "Save person" }).click();
    expect((await page.locator("h1").innerText()).trim()).toBe("Ada Lovelace-Test");
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(
      "The person has been added",
    );
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/places/neighbourhoods`);
    expect((await page.locator("h1").innerText()).trim()).toBe("Neighbourhoods and deprivation");
    expect(await page.locator("figure svg, svg[role='img']").first().isVisible()).toBe(true);
    expect(await page.locator("table").first().innerText()).toContain("IMD decile");
    await expectAccessible(page);

    // Another organisation's record answers 404, as if it did not exist.
    const otherOrgHomeId = "0190a000-0000-7000-8000-00000000beef";
    const response = await page.goto(`${kith.baseUrl}/places/homes/${otherOrgHomeId}`);
    expect(response?.status()).toBe(404);
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/places/homes`);
    await page.getByRole("button", { name: "Sign out" }).click();
    expect((await page.locator("h1").innerText()).trim()).toBe("You have signed out");
    const after = await page.goto(`${kith.baseUrl}/places/homes`);
    expect(after?.url()).toContain("/sign-in");
    expect(consoleErrors).toEqual([]);
  });

  it("submits every form without JavaScript", async () => {
    const page = await kith.newPage({ javaScriptEnabled: false });
    await signIn(page, kith.baseUrl, "officer@demo.kith.example");
    await page.goto(`${kith.baseUrl}/places/assets/new`);
    await page.getByLabel("Name", { exact: true }).fill("Test Hall");
    await page.getByLabel("Type").selectOption("community-hall");
    await page.getByLabel("Local authority").selectOption({ index: 1 });
    await page.getByLabel("Owned or run by").fill("Test Trust");
    await page.getByRole("button", { name: "Save asset" }).click();
    expect((await page.locator("h1").innerText()).trim()).toBe("Test Hall");
  });

  it("lets an organisation admin add a user, search the audit log and create an API token, all accessibly", async () => {
    const page = await kith.newPage();
    await signIn(page, kith.baseUrl, "admin@demo.kith.example");
    await page.goto(`${kith.baseUrl}/admin/users`);
    await expectAccessible(page);
    await page.getByLabel("Full name").fill("Nadia Brooks");
    await page.getByLabel("Email address").fill("nadia@demo.kith.example");
    await page.getByLabel("Role").selectOption("officer");
    await page.getByRole("button", { name: "Add user and send invitation" }).click();
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("sent an invitation");
    expect(await page.locator("table").innerText()).toContain("nadia@demo.kith.example");
    expect(await page.locator("table").innerText()).toContain("Invitation sent");
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/admin/audit?q=nadia`);
    expect(await page.locator("table").innerText()).toContain("Created user nadia@demo.kith.example");
    await expectAccessible(page);

    await page.goto(`${kith.baseUrl}/account`);
    await page.getByLabel("Token name").fill("Housing system sync");
    await page.getByLabel("places:read").check();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.locator("code.kith-token").innerText()).trim();
    expect(token).toMatch(/^kith_/);
    await expectAccessible(page);
    const api = await fetch(`${kith.baseUrl}/api/v1/homes?pageSize=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
  });
});
