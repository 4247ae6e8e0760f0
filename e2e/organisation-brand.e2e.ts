import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, signIn, useKithInBrowser, watchConsole } from "./harness.ts";

// An organisation administrator sets the brand, and a resident sees a public page in it:
// the organisation's logo, its colour in the header and its contact details in the footer.

const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#5b2a86"/><circle cx="20" cy="20" r="11" fill="#f2c14e"/><rect x="40" y="12" width="68" height="6" fill="#fff"/><rect x="40" y="23" width="48" height="6" fill="#fff"/></svg>`;

describe("organisation brand journey", () => {
  const kith = useKithInBrowser();
  let slug: string;

  beforeAll(async () => {
    const [row] = await kith.database.query<{ slug: string }>(
      "SELECT o.slug FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'admin@demo.kith.example'",
    );
    slug = row?.slug ?? "";
  });

  it("an administrator sets name, colour, contacts and logo, and a public page shows them, axe clean", async () => {
    const admin = await kith.newPage();
    const adminErrors = watchConsole(admin);
    await signIn(admin, kith.baseUrl, "admin@demo.kith.example");
    await admin.goto(`${kith.baseUrl}/admin/brand`);
    await expectAccessible(admin);

    await admin.getByLabel("Brand colour").fill("#ffdd00");
    await admin.getByRole("button", { name: "Save brand details" }).click();
    expect(await admin.locator(".govuk-error-summary").innerText()).toContain(
      "#ffdd00 has a contrast ratio of 1.3:1 with white text",
    );
    await expectAccessible(admin);

    await admin.getByLabel("Name residents know you by").fill("Westfield Community Homes");
    await admin.getByLabel("Brand colour").fill("#5b2a86");
    await admin.getByLabel("Address", { exact: true }).fill("12 Market Street\nMargate CT9 1AA");
    await admin.getByLabel("Telephone").fill("0300 123 4567");
    await admin.getByLabel("Email address").fill("hello@westfield.example");
    await admin.getByLabel("Website").fill("https://westfield.example");
    await admin.getByRole("button", { name: "Save brand details" }).click();
    expect(await admin.locator(".govuk-notification-banner").innerText()).toContain(
      "brand details have been saved",
    );

    await admin.getByLabel("Upload a logo").setInputFiles({
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from(logo),
    });
    await admin.getByRole("button", { name: "Upload logo" }).click();
    expect(await admin.locator(".govuk-notification-banner").innerText()).toContain("logo has been uploaded");
    await expectAccessible(admin);
    expect(adminErrors).toEqual([]);

    const resident = await kith.newPage({ viewport: { width: 1024, height: 900 } });
    const residentErrors = watchConsole(resident);
    await resident.goto(`${kith.baseUrl}/volunteer/${slug}`);
    const header = resident.locator(".kith-header");
    const image = header.getByRole("img", { name: "Westfield Community Homes" });
    expect(await image.isVisible()).toBe(true);
    expect(
      await resident.evaluate<number>("document.querySelector('.kith-header img').naturalWidth"),
    ).toBeGreaterThan(0);
    expect(
      await resident.evaluate<string>(
        "getComputedStyle(document.querySelector('.kith-header')).backgroundColor",
      ),
    ).toBe("rgb(91, 42, 134)");
    const footer = await resident.locator("footer").innerText();
    expect(footer).toContain("Contact Westfield Community Homes");
    expect(footer).toContain("0300 123 4567");
    expect(footer).toContain("hello@westfield.example");
    // The system font stack, never GDS Transport.
    expect(
      await resident.evaluate<string>("getComputedStyle(document.querySelector('h1')).fontFamily"),
    ).toMatch(/^system-ui/);
    await expectAccessible(resident);
    expect(residentErrors).toEqual([]);
    if (process.env.KITH_SCREENSHOTS) {
      await resident.screenshot({ path: `${process.env.KITH_SCREENSHOTS}/organisation-brand.png` });
      await resident
        .locator("footer")
        .screenshot({ path: `${process.env.KITH_SCREENSHOTS}/organisation-footer.png` });
      await admin.goto(`${kith.baseUrl}/accessibility`);
      await admin.screenshot({ path: `${process.env.KITH_SCREENSHOTS}/kith-brand.png` });
    }
  });
});
