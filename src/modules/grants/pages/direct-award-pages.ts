import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { type FieldErrors, forbidden } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, radios, textarea, textInput } from "../../../platform/ui/index.ts";
import { proposeDirectAward } from "../commands/direct-awards.ts";
import { organisationTypes } from "../inputs.ts";
import { canProposeDirectAward } from "../policy.ts";
import { directAwardCriteria } from "../schema.ts";
import { agreementChoices, agreementFieldsHtml, agreementInput } from "./agreement-fields.ts";
import { formError, staffNav } from "./page-helpers.ts";

async function form(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | FormErrorStatus = 200,
): Promise<Response> {
  const actor = requireActor(c);
  const choices = await agreementChoices(c.get("services").database.db, actor);
  return renderPage(c, {
    title: "Propose a direct award",
    errors,
    status,
    content: html`${staffNav("direct")}<h1 class="govuk-heading-l">Propose a direct award</h1>
      <p class="govuk-body">A grant made without an open call must meet at least one criterion of the grant framework, with a recorded justification. A manager approves it before it is awarded and published.</p>
      ${formError(errors)}
      <form method="post" action="/grants/manage/direct-awards/new" novalidate>${csrfField(c)}
        ${radios({ name: "criterion", legend: { text: "Which criterion does the grant meet?", classes: "govuk-fieldset__legend--m" }, value: values.criterion, error: errors.criterion, items: Object.entries(directAwardCriteria).map(([value, text]) => ({ value, text })) })}
        ${textarea({ name: "justification", label: "Justification", hint: "Explain how the organisation meets the criterion (at least 40 characters)", value: values.justification, error: errors.justification, rows: 4 })}
        <h2 class="govuk-heading-m">The grant</h2>
        ${textInput({ name: "title", label: "Title", value: values.title, error: errors.title })}
        ${textarea({ name: "description", label: "What the grant is for", value: values.description, error: errors.description, rows: 3 })}
        ${radios({
          name: "grantType",
          legend: { text: "Type of grant", classes: "govuk-fieldset__legend--s" },
          inline: true,
          value: values.grantType,
          error: errors.grantType,
          items: [
            { value: "innovation", text: "Innovation" },
            { value: "strategic", text: "Strategic" },
          ],
        })}
        ${textInput({ name: "amountAwarded", label: "Amount", prefix: "£", value: values.amountAwarded, error: errors.amountAwarded, width: 10, inputmode: "decimal" })}
        ${textInput({ name: "outcomeCodes", label: "Outcome codes", hint: "From your outcome framework, separated by commas, like TS-1, MA-1", value: values.outcomeCodes, error: errors.outcomeCodes, width: 20 })}
        <h2 class="govuk-heading-m">The organisation</h2>
        ${textInput({ name: "recipientName", label: "Organisation name", value: values.recipientName, error: errors.recipientName })}
        ${radios({ name: "recipientType", legend: { text: "Type of organisation", classes: "govuk-fieldset__legend--s" }, value: values.recipientType, error: errors.recipientType, items: Object.entries(organisationTypes).map(([value, text]) => ({ value, text })) })}
        ${textInput({ name: "charityNumber", label: "Charity number (optional)", value: values.charityNumber, error: errors.charityNumber, width: 10 })}
        ${textInput({ name: "companyNumber", label: "Company number (optional)", value: values.companyNumber, error: errors.companyNumber, width: 10 })}
        ${textInput({ name: "recipientTown", label: "Town or city (optional)", value: values.recipientTown, error: errors.recipientTown, width: 20 })}
        ${textInput({ name: "recipientPostcode", label: "Postcode (optional)", value: values.recipientPostcode, error: errors.recipientPostcode, width: 10 })}
        <h2 class="govuk-heading-m">Grant agreement</h2>
        ${agreementFieldsHtml(values, errors, choices)}
        ${button({ text: "Propose direct award" })}
      </form>`,
  });
}

export function directAwardPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/grants/manage/direct-awards/new", (c) => {
    if (!canProposeDirectAward(requireActor(c)))
      throw forbidden("Only officers and managers can propose direct awards.");
    return form(c, {});
  });
  app.post("/grants/manage/direct-awards/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const input = {
      criterion: (values.criterion ?? "") as "unique-position",
      justification: values.justification ?? "",
      title: values.title ?? "",
      description: values.description ?? "",
      grantType: values.grantType as "strategic",
      recipientName: values.recipientName ?? "",
      recipientType: values.recipientType as "registered-charity",
      charityNumber: values.charityNumber,
      companyNumber: values.companyNumber,
      recipientPostcode: values.recipientPostcode,
      recipientTown: values.recipientTown,
      amountAwarded: values.amountAwarded ?? "",
      outcomeCodes: (values.outcomeCodes ?? "")
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean),
      ...agreementInput(values),
    };
    const result = await attemptForForm(() =>
      proposeDirectAward(c.get("services").database.db, actor, c.get("now"), input),
    );
    if (!result.ok) return form(c, values, result.errors, result.status);
    return c.redirect(`/grants/manage/grants/${result.value.id}?done=proposed`, 303);
  });
  return app;
}
