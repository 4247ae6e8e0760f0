import { describe, expect, it } from "vitest";
import { html } from "./html.ts";
import { layout } from "./layout.ts";

const base = {
  title: "Cases",
  navigation: [{ href: "/safety", text: "Community safety", current: true }],
  content: html`<h1 class="govuk-heading-xl">Cases</h1>`,
};

describe("layout", () => {
  it("renders a GOV.UK template document titled for Kith", () => {
    const out = layout(base).value;
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en" class="govuk-template">')).toBe(true);
    expect(out).toContain("<title>Cases – Kith</title>");
    expect(out).toContain('<body class="govuk-template__body">');
    expect(out).toContain(
      '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>',
    );
    expect(out).toContain('<main class="govuk-main-wrapper" id="main-content">');
    expect(out).toContain('href="/assets/govuk/govuk-frontend.min.css"');
    expect(out).toContain('href="/assets/moj/moj-frontend.min.css"');
    expect(out).toContain('href="/assets/kith/kith.css"');
    expect(out).toContain('href="/assets/govuk/assets/images/favicon.ico"');
    expect(out).toContain('<script type="module" src="/assets/kith/init.js"></script>');
    expect(out).toContain('href="/accessibility"');
    expect(out).toContain('href="/privacy"');
    expect(out).toContain("Contains public sector information licensed under the");
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
