import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  html,
  radios,
  summaryList,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import type { DocumentSummary } from "../commands/application-documents.ts";
import {
  type ApplicationSection,
  applicationSections,
  sectionTitles,
} from "../commands/application-sections.ts";
import { organisationTypes } from "../inputs.ts";
import type { GrantApplication, GrantBudgetLine, GrantProgramme } from "../schema.ts";
import { budgetTable, documentsTable } from "./budget-section.ts";
import { formError, money, penceAsPounds } from "./page-helpers.ts";

export const base = (id: string) => `/grants/apply/applications/${id}`;

export function sectionForm(
  c: Context<AppEnv>,
  programme: GrantProgramme,
  application: GrantApplication,
  section: ApplicationSection,
  values: Record<string, string | string[]>,
  errors: FieldErrors = {},
  status: 200 | FormErrorStatus = 200,
): Response {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const fields = (() => {
    switch (section) {
      case "eligibility":
        return html`${programme.eligibilityQuestions.map((question) =>
          radios({
            name: question.id,
            legend: { text: question.question, classes: "govuk-fieldset__legend--s" },
            inline: true,
            value: text(question.id),
            error: errors[question.id],
            items: [
              { value: "yes", text: "Yes" },
              { value: "no", text: "No" },
            ],
          }),
        )}`;
      case "organisation":
        return html`${textInput({ name: "organisationName", label: "Organisation name", value: text("organisationName"), error: errors.organisationName, autocomplete: "organization" })}
          ${radios({ name: "organisationType", legend: { text: "Type of organisation", classes: "govuk-fieldset__legend--s" }, value: text("organisationType"), error: errors.organisationType, items: Object.entries(organisationTypes).map(([value, label]) => ({ value, text: label })) })}
          ${textInput({ name: "charityNumber", label: "Charity number (if registered)", hint: "For example, 1234567 or SC012345", value: text("charityNumber"), error: errors.charityNumber, width: 10, spellcheck: false })}
          ${textInput({ name: "companyNumber", label: "Company number (if registered at Companies House)", hint: "8 characters, for example 01234567", value: text("companyNumber"), error: errors.companyNumber, width: 10, spellcheck: false })}
          ${textInput({ name: "town", label: "Town or city", value: text("town"), error: errors.town, autocomplete: "address-level2", width: 20 })}
          ${textInput({ name: "postcode", label: "Postcode", value: text("postcode"), error: errors.postcode, autocomplete: "postal-code", width: 10 })}`;
      case "contact":
        return html`${textInput({ name: "contactName", label: "Full name", value: text("contactName"), error: errors.contactName, autocomplete: "name", spellcheck: false })}
          ${textInput({ name: "contactEmail", label: "Email address", type: "email", value: text("contactEmail"), error: errors.contactEmail, autocomplete: "email", spellcheck: false })}
          ${textInput({ name: "contactPhone", label: "Phone number (optional)", type: "tel", value: text("contactPhone"), error: errors.contactPhone, autocomplete: "tel", width: 20 })}`;
      case "project":
        return html`${textInput({ name: "projectTitle", label: "Project title", value: text("projectTitle"), error: errors.projectTitle })}
          ${textarea({ name: "projectSummary", label: "What will you do, and who will benefit?", hint: "Up to 3,000 characters", value: text("projectSummary"), error: errors.projectSummary, rows: 8 })}
          ${textInput({ name: "amountRequestedPence", label: "How much are you asking for?", hint: `Up to ${money(programme.maxAwardPence)}`, prefix: "£", value: text("amountRequestedPence"), error: errors.amountRequestedPence, width: 10, inputmode: "decimal", spellcheck: false })}
          ${checkboxes({ name: "outcomeCodes", legend: { text: "Which outcomes will your project achieve?", classes: "govuk-fieldset__legend--s" }, hint: "Select all that apply", values: Array.isArray(values.outcomeCodes) ? values.outcomeCodes : [], error: errors.outcomeCodes, items: programme.outcomes.map((outcome) => ({ value: outcome.code, text: outcome.title })) })}`;
    }
  })();
  return renderPage(c, {
    title: `${sectionTitles[section]} – ${programme.title}`,
    errors,
    status,
    backLink: base(application.id),
    content: html`<span class="govuk-caption-l">${programme.title} · ${application.reference}</span>
      <h1 class="govuk-heading-l">${sectionTitles[section]}</h1>
      ${formError(errors)}
      <form method="post" action="${base(application.id)}/${section}" novalidate>${csrfField(c)}
        ${fields}
        ${button({ text: "Save and continue" })}
      </form>`,
  });
}

export function storedValues(
  application: GrantApplication,
  section: ApplicationSection,
): Record<string, string | string[]> {
  switch (section) {
    case "eligibility":
      return { ...application.answers };
    case "organisation":
      return {
        organisationName: application.organisationName ?? "",
        organisationType: application.organisationType ?? "",
        charityNumber: application.charityNumber ?? "",
        companyNumber: application.companyNumber ?? "",
        postcode: application.postcode ?? "",
        town: application.town ?? "",
      };
    case "contact":
      return {
        contactName: application.contactName ?? "",
        contactEmail: application.contactEmail ?? "",
        contactPhone: application.contactPhone ?? "",
      };
    case "project":
      return {
        projectTitle: application.projectTitle ?? "",
        projectSummary: application.projectSummary ?? "",
        amountRequestedPence: penceAsPounds(application.amountRequestedPence),
        outcomeCodes: application.outcomeCodes,
      };
  }
}

export function isSection(value: string): value is ApplicationSection {
  return (applicationSections as readonly string[]).includes(value);
}

export function answersList(
  programme: GrantProgramme,
  application: GrantApplication,
  changeLinks: boolean,
): ReturnType<typeof summaryList> {
  const change = (section: ApplicationSection, what: string) =>
    changeLinks
      ? [{ href: `${base(application.id)}/${section}`, text: "Change", visuallyHiddenText: what }]
      : undefined;
  return summaryList([
    ...programme.eligibilityQuestions.map((question) => ({
      key: question.question,
      value:
        application.answers[question.id] === "yes"
          ? "Yes"
          : application.answers[question.id] === "no"
            ? "No"
            : "Not answered",
      actions: change("eligibility", question.question),
    })),
    {
      key: "Organisation",
      value: application.organisationName ?? "",
      actions: change("organisation", "organisation"),
    },
    {
      key: "Type",
      value: (organisationTypes as Record<string, string>)[application.organisationType ?? ""] ?? "",
      actions: change("organisation", "type of organisation"),
    },
    {
      key: "Charity number",
      value: application.charityNumber ?? "None",
      actions: change("organisation", "charity number"),
    },
    {
      key: "Company number",
      value: application.companyNumber ?? "None",
      actions: change("organisation", "company number"),
    },
    {
      key: "Address",
      value: `${application.town ?? ""} ${application.postcode ?? ""}`,
      actions: change("organisation", "address"),
    },
    {
      key: "Contact",
      value: `${application.contactName ?? ""}, ${application.contactEmail ?? ""}${application.contactPhone ? `, ${application.contactPhone}` : ""}`,
      actions: change("contact", "contact details"),
    },
    { key: "Project", value: application.projectTitle ?? "", actions: change("project", "project title") },
    { key: "Summary", value: application.projectSummary ?? "", actions: change("project", "summary") },
    {
      key: "Amount requested",
      value: money(application.amountRequestedPence),
      actions: change("project", "amount"),
    },
    {
      key: "Outcomes",
      value: programme.outcomes
        .filter((o) => application.outcomeCodes.includes(o.code))
        .map((o) => o.title)
        .join("; "),
      actions: change("project", "outcomes"),
    },
  ]);
}

export function checkPage(
  c: Context<AppEnv>,
  programme: GrantProgramme,
  application: GrantApplication,
  attached: { lines: GrantBudgetLine[]; documents: DocumentSummary[] },
  errors: FieldErrors = {},
  status: 200 | FormErrorStatus = 200,
): Response {
  return renderPage(c, {
    title: "Check your answers before sending your application",
    errors,
    status,
    backLink: base(application.id),
    content: html`<h1 class="govuk-heading-l">Check your answers before sending your application</h1>
      ${formError(errors)}
      ${answersList(programme, application, true)}
      <h2 class="govuk-heading-m" id="budget">Budget</h2>
      ${budgetTable(application, attached.lines)}
      <p class="govuk-body"><a class="govuk-link" href="${base(application.id)}/budget">Change the budget</a></p>
      <h2 class="govuk-heading-m">Supporting documents</h2>
      ${documentsTable(attached.documents, `${base(application.id)}/documents`)}
      <p class="govuk-body"><a class="govuk-link" href="${base(application.id)}/documents">Change the documents</a></p>
      <h2 class="govuk-heading-m">Now send your application</h2>
      <p class="govuk-body">By sending this application you confirm that, to the best of your knowledge, the details you are providing are correct.</p>
      <form method="post" action="${base(application.id)}/check" novalidate>${csrfField(c)}${button({ text: "Accept and send" })}</form>`,
  });
}
