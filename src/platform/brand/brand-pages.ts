// The organisation administrator's brand settings: the name, colour and contact details
// residents see, and the logo. Two forms on one page, each POST → 303 → GET.
import { type Context, Hono } from "hono";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import type { AppEnv } from "../http/app-env.ts";
import { attemptForForm, csrfField } from "../http/form-commands.ts";
import { readForm } from "../http/forms.ts";
import type { FieldErrors } from "../http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../http/render.ts";
import { button, fileUpload, html, textarea, textInput } from "../ui/index.ts";
import { brandOf } from "./brand-of.ts";
import { MINIMUM_CONTRAST } from "./contrast.ts";
import { MAX_LOGO_BYTES } from "./logo-check.ts";
import { setLogo } from "./set-logo.ts";
import { type BrandDetailsInput, updateBrand } from "./update-brand.ts";

const messages = {
  saved: "The brand details have been saved.",
  logo: "The logo has been uploaded.",
  "logo-removed": "The logo has been removed.",
};

const detailFields = [
  "displayName",
  "colour",
  "contactEmail",
  "contactPhone",
  "contactAddress",
  "website",
  "postalAddress",
  "postalPostcode",
] as const;

async function brandSettingsPage(
  c: Context<AppEnv>,
  form: { values?: Record<string, string>; errors?: FieldErrors; status?: 200 | 409 | 413 | 422 } = {},
) {
  const actor = requireActor(c);
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can change the brand.");
  const brand = await brandOf(c.get("services").database.db, actor.organisationId);
  const saved: Record<string, string> = {
    displayName: brand?.name ?? "",
    colour: brand?.colour ?? "",
    contactEmail: brand?.contact.email ?? "",
    contactPhone: brand?.contact.phone ?? "",
    contactAddress: brand?.contact.address ?? "",
    website: brand?.contact.website ?? "",
    postalAddress: brand?.postalAddress?.slice(0, -1).join("\n") ?? "",
    postalPostcode: brand?.postalAddress?.at(-1) ?? "",
  };
  const value = (field: string) => form.values?.[field] ?? saved[field];
  const errors = form.errors ?? {};
  return renderPage(c, {
    title: "Brand",
    errors,
    status: form.status,
    notification: flashFrom(c, messages),
    content: html`<h1 class="govuk-heading-l">Brand</h1>
      <p class="govuk-body">Residents see your name, logo, colour and contact details on your public pages, such as reporting a problem, applying for a grant or volunteering.</p>
      <form method="post" action="/admin/brand" novalidate>${csrfField(c)}
        ${textInput({ name: "displayName", label: "Name residents know you by", hint: "Leave blank to use your organisation's registered name.", value: value("displayName"), error: errors.displayName, autocomplete: "organization" })}
        ${textInput({ name: "colour", label: "Brand colour", hint: `A hex code, like #1d4f91. Your colour sits behind white text, so its contrast with white must be at least ${MINIMUM_CONTRAST}:1. Leave blank to use Kith's colour.`, value: value("colour"), error: errors.colour, width: 10, spellcheck: false })}
        <h2 class="govuk-heading-m">Contact details</h2>
        <p class="govuk-body">Shown at the foot of your public pages.</p>
        ${textarea({ name: "contactAddress", label: "Address", value: value("contactAddress"), error: errors.contactAddress, rows: 4, autocomplete: "street-address" })}
        ${textInput({ name: "contactPhone", label: "Telephone", type: "tel", value: value("contactPhone"), error: errors.contactPhone, width: 20, autocomplete: "tel" })}
        ${textInput({ name: "contactEmail", label: "Email address", type: "email", value: value("contactEmail"), error: errors.contactEmail, spellcheck: false, autocomplete: "email" })}
        ${textInput({ name: "website", label: "Website", type: "url", value: value("website"), error: errors.website, spellcheck: false, autocomplete: "url" })}
        <h2 class="govuk-heading-m">Postal address for letters</h2>
        <p class="govuk-body">Printed in the letterhead of the letters you send, such as community safety letters.</p>
        ${textarea({ name: "postalAddress", label: "Postal address", hint: "One line each, up to 5 lines, without the postcode. For example, Weald House, 2 Castle Street, Chatham", value: value("postalAddress"), error: errors.postalAddress, rows: 5, autocomplete: "street-address" })}
        ${textInput({ name: "postalPostcode", label: "Postcode", value: value("postalPostcode"), error: errors.postalPostcode, width: 10, autocomplete: "postal-code" })}
        ${button({ text: "Save brand details" })}
      </form>
      <h2 class="govuk-heading-m">Logo</h2>
      ${brand?.logoUrl ? html`<p class="govuk-body">Your current logo:</p><p class="govuk-body"><img class="kith-brand-preview" src="${brand.logoUrl}" alt="${brand.name} logo"></p>` : html`<p class="govuk-body">You have not uploaded a logo: your pages show your name instead.</p>`}
      <form method="post" action="/admin/brand/logo" enctype="multipart/form-data" novalidate>${csrfField(c)}
        ${fileUpload({ name: "logo", label: "Upload a logo", hint: `An SVG or PNG file smaller than ${MAX_LOGO_BYTES / 1024} KB. SVG files must not contain scripts, links or references to other files.`, error: errors.logo, accept: "image/svg+xml,image/png" })}
        ${button({ text: "Upload logo", classes: "govuk-button--secondary" })}
      </form>
      ${brand?.logoUrl ? html`<form method="post" action="/admin/brand/logo/remove" novalidate>${csrfField(c)}${button({ text: "Remove logo", classes: "govuk-button--warning" })}</form>` : ""}`,
  });
}

export function brandPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/admin/brand", (c) => brandSettingsPage(c));

  app.post("/admin/brand", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const input = Object.fromEntries(
      detailFields.map((field) => [field, values[field] ?? ""]),
    ) as BrandDetailsInput;
    const attempt = await attemptForForm(() =>
      updateBrand(c.get("services").database.db, actor, c.get("now"), input),
    );
    if (!attempt.ok) return brandSettingsPage(c, { values, errors: attempt.errors, status: attempt.status });
    return c.redirect("/admin/brand?done=saved", 303);
  });

  app.post("/admin/brand/logo", async (c) => {
    const actor = requireActor(c);
    const file = (await c.req.parseBody()).logo;
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const attempt = await attemptForForm(
      () => setLogo(c.get("services").database.db, actor, c.get("now"), bytes),
      { field: "logo" },
    );
    if (!attempt.ok) return brandSettingsPage(c, { errors: attempt.errors, status: attempt.status });
    return c.redirect("/admin/brand?done=logo", 303);
  });

  app.post("/admin/brand/logo/remove", async (c) => {
    const actor = requireActor(c);
    await setLogo(c.get("services").database.db, actor, c.get("now"), null);
    return c.redirect("/admin/brand?done=logo-removed", 303);
  });
  return app;
}
