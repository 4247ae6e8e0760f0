import { describe, expect, it } from "vitest";
import { html } from "./html.ts";
import { layout, useGovukBrand } from "./layout.ts";

const base = {
  title: "Cases",
  navigation: [{ href: "/safety", text: "Community safety", current: true }],
  content: html`<h1 class="govuk-heading-xl">Cases</h1>`,
};

describe("layout", () => {
  it("renders a GOV.UK template document titled for Kith", () => {
    const out = layout(base).value;
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en" class="govuk-template">')).toBe(true);
    const parts = [
      "<title>Cases – Kith</title>",
      '<body class="govuk-template__body">',
      '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>',
      '<main class="govuk-main-wrapper" id="main-content">',
      // Kith's own stylesheets, icons and script, and the footer's links.
      'href="/assets/kith/kith-frontend.css"',
      'href="/assets/kith/kith.css"',
      'href="/assets/kith/icons/favicon.ico"',
      'href="/assets/kith/icons/manifest.json"',
      '<script type="module" src="/assets/kith/init.js"></script>',
      'href="/accessibility"',
      'href="/privacy"',
      "Kith, open-source software",
    ];
    for (const part of parts) expect(out).toContain(part);
  });
  it("shows Kith's logotype, named for screen readers, and nothing of GOV.UK's brand", () => {
    const out = layout(base).value;
    expect(out).toContain('<svg class="kith-logotype"');
    expect(out).toContain('<span class="govuk-visually-hidden">Kith</span></a>');
    expect(out).not.toMatch(/GOV\.UK|govuk-logotype|crown|crest|\/assets\/govuk\/assets|GDS Transport/i);
  });
  it("draws an organisation's page with its logo, colour and contact details", () => {
    const out = layout({
      ...base,
      brand: {
        name: "Riverside <Homes>",
        logoUrl: "/assets/brand/o/v1/logo",
        stylesheetUrl: "/assets/brand/o/v1/brand.css",
        contact: {
          email: "help@riverside.example",
          phone: "0300 123 4567",
          address: "1 High St\nLeeds",
          website: null,
        },
      },
    }).value;
    const parts = [
      '<img class="kith-header__organisation-logo" src="/assets/brand/o/v1/logo" alt="Riverside &lt;Homes&gt;">',
      '<link rel="stylesheet" href="/assets/brand/o/v1/brand.css">',
      '<h2 class="govuk-heading-m">Contact Riverside &lt;Homes&gt;</h2>',
      'href="mailto:help@riverside.example"',
      "Telephone: 0300 123 4567",
    ];
    for (const part of parts) expect(out).toContain(part);
    expect(out).not.toContain("kith-logotype");
  });
  it("names an organisation without a logo in text, and leaves out contacts it has not given", () => {
    const out = layout({
      ...base,
      brand: {
        name: "Westfield",
        logoUrl: null,
        stylesheetUrl: null,
        contact: { email: null, phone: null, address: null, website: null },
      },
    }).value;
    expect(out).toContain('<span class="kith-header__organisation-name">Westfield</span>');
    expect(out).not.toContain("Contact Westfield");
    expect(out).not.toContain("/assets/brand/");
  });
  it("uses GOV.UK's stylesheet, icons and name only when a service on GOV.UK turns them on", () => {
    useGovukBrand(true);
    try {
      const out = layout(base).value;
      expect(out).toContain('href="/assets/govuk/govuk-frontend.min.css"');
      expect(out).toContain('href="/assets/govuk/assets/images/favicon.ico"');
      expect(out).toContain(">GOV.UK</a>");
    } finally {
      useGovukBrand(false);
    }
    expect(layout(base).value).not.toContain("GOV.UK");
  });
  it("has no inline scripts or styles, as the CSP forbids them", () => {
    const out = layout({
      ...base,
      user: { name: "Jo", organisationName: "Westfield", role: "Officer" },
      csrfToken: "t",
    }).value;
    expect(out).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(out).not.toMatch(/\sstyle=|<style/);
  });
  it("prefixes the title with Error: when the page shows errors", () => {
    const out = layout({ ...base, errorSummary: [{ text: "Enter a name", href: "#name" }] }).value;
    expect(out).toContain("<title>Error: Cases – Kith</title>");
    expect(out).toContain('<a href="#name">Enter a name</a>');
  });
  it("shows the signed-in user and a sign-out form that posts the CSRF token", () => {
    const out = layout({
      ...base,
      user: { name: "Jo <Admin>", organisationName: "Westfield Homes", role: "Case officer" },
      csrfToken: 'abc"123',
    }).value;
    expect(out).toContain("<strong>Jo &lt;Admin&gt;</strong>");
    expect(out).toContain("Westfield Homes");
    expect(out).toContain(
      '<form class="kith-account__sign-out" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="abc&quot;123">',
    );
  });
  it("refuses to render a signed-in page without a CSRF token", () => {
    expect(() => layout({ ...base, user: { name: "Jo", organisationName: "W", role: "R" } })).toThrow(
      /csrfToken/,
    );
  });
  it("has no sign-out form when nobody is signed in", () => {
    expect(layout(base).value).not.toContain("/sign-out");
  });
});
