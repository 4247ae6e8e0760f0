import type { Context } from "hono";
import { Hono } from "hono";
import { publicOrganisationBySlug } from "../../../platform/access/public-organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts, optionalText } from "../../../platform/http/fields.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm, validate } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  html,
  panel,
  type SafeHtml,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { applyForOpportunity } from "../commands/apply.ts";
import { volunteerInput } from "../inputs.ts";
import { getPublicOpportunity, type PublicResult } from "../queries/opportunities.ts";
import { availabilitySlots, interests, labelsOf } from "../vocabulary.ts";
import { knownVolunteer, renderKnownApply, submitKnownApply } from "./known-apply-page.ts";

// The GOV.UK apply journey: one question per page, then check answers, then confirmation.
// Answers so far travel in hidden fields (nothing is stored until the person confirms),
// so the journey works without JavaScript and leaves no half-made record behind.

type Answers = Record<string, string>;
type Step = {
  key: string;
  fields: string[];
  title: (role: PublicResult) => string;
  render: (answers: Answers, errors: FieldErrors | undefined, role: PublicResult) => SafeHtml;
  check: (answers: Answers, role: PublicResult) => FieldErrors | null;
};

// The shared schema speaks to coordinators ("Enter their last name"); here we speak to the applicant.
const fieldsOf = (schema: Parameters<typeof validate>[0], answers: Answers): FieldErrors | null => {
  const result = validate(schema, answers);
  return result.ok
    ? null
    : Object.fromEntries(
        Object.entries(result.errors).map(([key, message]) => [
          key,
          message.replace(/\btheir\b/g, "your").replace(/\bThey\b/g, "You"),
        ]),
      );
};

const steps: Step[] = [
  {
    key: "name",
    fields: ["givenName", "familyName"],
    title: () => "What is your name?",
    render: (
      a,
      e,
    ) => html`<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">What is your name?</h1></legend>
      ${textInput({ name: "givenName", label: "First name", value: a.givenName, autocomplete: "given-name", error: e?.givenName, width: 20, spellcheck: false })}
      ${textInput({ name: "familyName", label: "Last name", value: a.familyName, autocomplete: "family-name", error: e?.familyName, width: 20, spellcheck: false })}</fieldset>`,
    check: (a) => fieldsOf(volunteerInput.pick({ givenName: true, familyName: true }), a),
  },
  {
    key: "email",
    fields: ["email"],
    title: () => "What is your email address?",
    render: (a, e) =>
      textInput({
        name: "email",
        label: "What is your email address?",
        labelClasses: "govuk-label--l",
        isPageHeading: true,
        hint: "We will only use this to tell you about your application",
        type: "email",
        autocomplete: "email",
        spellcheck: false,
        value: a.email,
        error: e?.email,
      }),
    check: (a) => fieldsOf(volunteerInput.pick({ email: true }), a),
  },
  {
    key: "phone",
    fields: ["phone"],
    title: () => "What is your phone number? (optional)",
    render: (a, e) =>
      textInput({
        name: "phone",
        label: "What is your phone number? (optional)",
        labelClasses: "govuk-label--l",
        isPageHeading: true,
        hint: "For example, 07700 900 982. Leave it blank if you prefer email",
        type: "tel",
        autocomplete: "tel",
        value: a.phone,
        error: e?.phone,
        width: 20,
      }),
    check: (a) => fieldsOf(volunteerInput.pick({ phone: true }), a),
  },
  {
    key: "date-of-birth",
    fields: ["dateOfBirth"],
    title: (role) =>
      role.minimumAge !== null ? "What is your date of birth?" : "What is your date of birth? (optional)",
    render: (a, e, role) => {
      const [year, month, day] = (a.dateOfBirth ?? "").split("-");
      return dateInput({
        name: "dateOfBirth",
        legend: {
          text:
            role.minimumAge !== null
              ? "What is your date of birth?"
              : "What is your date of birth? (optional)",
          classes: "govuk-fieldset__legend--l",
          isPageHeading: true,
        },
        hint:
          role.minimumAge !== null
            ? `This role is for people aged ${role.minimumAge} or over. For example, 27 3 1990`
            : "For example, 27 3 1990",
        autocomplete: "bday",
        value: { day: day?.replace(/^0/, ""), month: month?.replace(/^0/, ""), year },
        error: e?.dateOfBirth,
      });
    },
    check: (a, role) => {
      if (role.minimumAge !== null && !a.dateOfBirth) return { dateOfBirth: "Enter your date of birth" };
      return fieldsOf(volunteerInput.pick({ dateOfBirth: true }), a);
    },
  },
  {
    key: "postcode",
    fields: ["postcode"],
    title: () => "What is your postcode? (optional)",
    render: (a, e) =>
      textInput({
        name: "postcode",
        label: "What is your postcode? (optional)",
        labelClasses: "govuk-label--l",
        isPageHeading: true,
        hint: "It helps us suggest roles near you",
        autocomplete: "postal-code",
        value: a.postcode,
        error: e?.postcode,
        width: 10,
      }),
    check: (a) => fieldsOf(volunteerInput.pick({ postcode: true }), a),
  },
  {
    key: "interests",
    fields: ["interests"],
    title: () => "What are you interested in? (optional)",
    render: (a, e) =>
      checkboxes({
        name: "interests",
        legend: {
          text: "What are you interested in? (optional)",
          classes: "govuk-fieldset__legend--l",
          isPageHeading: true,
        },
        hint: "We use this to suggest other roles you might enjoy. Select all that apply",
        items: Object.entries(interests).map(([value, text]) => ({ value, text })),
        values: (a.interests ?? "").split(",").filter(Boolean),
        error: e?.interests,
      }),
    check: (a) => fieldsOf(volunteerInput.pick({ interests: true }), a),
  },
  {
    key: "availability",
    fields: ["availability"],
    title: () => "When are you usually free? (optional)",
    render: (a, e) =>
      checkboxes({
        name: "availability",
        legend: {
          text: "When are you usually free? (optional)",
          classes: "govuk-fieldset__legend--l",
          isPageHeading: true,
        },
        hint: "Select all that apply",
        items: Object.entries(availabilitySlots).map(([value, text]) => ({ value, text })),
        values: (a.availability ?? "").split(",").filter(Boolean),
        error: e?.availability,
      }),
    check: (a) => fieldsOf(volunteerInput.pick({ availability: true }), a),
  },
  {
    key: "message",
    fields: ["message"],
    title: () => "Why are you interested in this role? (optional)",
    render: (a, e) =>
      textarea({
        name: "message",
        label: "Why are you interested in this role? (optional)",
        labelClasses: "govuk-label--l",
        isPageHeading: true,
        hint: "Tell us anything that would help, such as when you are free",
        value: a.message,
        error: e?.message,
      }),
    check: (a) => {
      const result = optionalText(2000).safeParse(a.message);
      return result.success ? null : { message: "Your message must be 2,000 characters or fewer" };
    },
  },
];
const answerKeys = steps.flatMap((step) => step.fields);

function hiddenAnswers(answers: Answers, except: string[]): SafeHtml {
  return html`${answerKeys.filter((key) => !except.includes(key) && answers[key]).map((key) => html`<input type="hidden" name="${key}" value="${answers[key]}">`)}`;
}

function basePath(slug: string, role: PublicResult): string {
  return `/volunteer/${slug}/roles/${role.id}/apply`;
}

function renderStep(
  c: Context<AppEnv>,
  slug: string,
  role: PublicResult,
  index: number,
  answers: Answers,
  errors?: FieldErrors,
): Response {
  const step = steps[index];
  if (!step) return renderCheck(c, slug, role, answers, errors);
  return renderPage(c, {
    title: `${step.title(role)} – Apply: ${role.title}`,
    errors,
    status: errors ? 422 : 200,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <span class="govuk-caption-l">Apply: ${role.title}</span>
      <form method="post" action="${basePath(slug, role)}" novalidate>
        ${csrfField(c)}<input type="hidden" name="step" value="${step.key}">
        ${hiddenAnswers(answers, step.fields)}
        ${step.render(answers, errors, role)}
        ${button({ text: "Continue", preventDoubleClick: true })}
      </form></div></div>`,
  });
}

function renderCheck(
  c: Context<AppEnv>,
  slug: string,
  role: PublicResult,
  answers: Answers,
  errors?: FieldErrors,
): Response {
  const rows: { key: string; value: string; step: string }[] = [
    { key: "Name", value: `${answers.givenName ?? ""} ${answers.familyName ?? ""}`, step: "name" },
    { key: "Email", value: answers.email ?? "", step: "email" },
    { key: "Phone", value: answers.phone || "Not given", step: "phone" },
    {
      key: "Date of birth",
      value: answers.dateOfBirth ? formatDate(answers.dateOfBirth) : "Not given",
      step: "date-of-birth",
    },
    { key: "Postcode", value: answers.postcode || "Not given", step: "postcode" },
    {
      key: "Interests",
      value: labelsOf(interests, (answers.interests ?? "").split(",").filter(Boolean)) || "Not given",
      step: "interests",
    },
    {
      key: "When you are free",
      value:
        labelsOf(availabilitySlots, (answers.availability ?? "").split(",").filter(Boolean)) || "Not given",
      step: "availability",
    },
    { key: "Why you are interested", value: answers.message || "Not given", step: "message" },
  ];
  // "Change" is a submit button, not a link: it must carry the answers so far (no inline styles under our CSP).
  return renderPage(c, {
    title: `Check your answers – Apply: ${role.title}`,
    errors,
    status: errors ? 422 : 200,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <span class="govuk-caption-l">Apply: ${role.title}</span>
      <h1 class="govuk-heading-l">Check your answers before sending your application</h1>
      <form method="post" action="${basePath(slug, role)}" novalidate>
        ${csrfField(c)}${hiddenAnswers(answers, [])}
        <dl class="govuk-summary-list govuk-!-margin-bottom-9">${rows.map(
          (row) =>
            html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${row.key}</dt><dd class="govuk-summary-list__value">${row.value}</dd><dd class="govuk-summary-list__actions"><button type="submit" name="goto" value="${row.step}" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Change<span class="govuk-visually-hidden"> ${row.key.toLowerCase()}</span></button></dd></div>`,
        )}</dl>
        <h2 class="govuk-heading-m">Now send your application</h2>
        <p class="govuk-body">By sending it you agree that we keep these details to arrange your volunteering.</p>
        ${button({ text: "Accept and send", preventDoubleClick: true, name: "step", value: "submit" })}
      </form></div></div>`,
  });
}

export function applyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/volunteer/:slug/roles/:id/apply", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const role = await getPublicOpportunity(c.get("services").database.db, org.id, c.req.param("id"));
    if (role.placesLeft === 0) return c.redirect(`/volunteer/${org.slug}/roles/${role.id}`, 303);
    const known = await knownVolunteer(c, org);
    if (known) return renderKnownApply(c, org, role, known);
    return renderStep(c, org.slug, role, 0, {});
  });

  app.post("/volunteer/:slug/roles/:id/apply", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const role = await getPublicOpportunity(c.get("services").database.db, org.id, c.req.param("id"));
    const form = await readForm(c);
    const known = await knownVolunteer(c, org);
    if (known) return submitKnownApply(c, org, role, known, form);
    const answers: Answers = {};
    for (const key of answerKeys) if (form[key]?.trim()) answers[key] = form[key].trim();
    const dob = dateFromParts(form, "dateOfBirth");
    if (form.step === "date-of-birth") {
      if (dob) answers.dateOfBirth = dob;
      else delete answers.dateOfBirth;
    }
    const goto = steps.findIndex((step) => step.key === form.goto);
    if (goto >= 0) return renderStep(c, org.slug, role, goto, answers);
    if (form.step === "submit") {
      // Check every answer again: hidden fields can be edited.
      for (let index = 0; index < steps.length; index++) {
        const errors = steps[index]?.check(answers, role);
        if (errors) return renderStep(c, org.slug, role, index, answers, errors);
      }
      const result = await attemptForForm(() =>
        applyForOpportunity(c.get("services").database.db, org.id, c.get("now"), role.id, answers),
      );
      if (!result.ok) return renderCheck(c, org.slug, role, answers, result.errors);
      return c.redirect(
        `/volunteer/${org.slug}/roles/${role.id}/applied?ref=${result.value.id.slice(-8).toUpperCase()}`,
        303,
      );
    }
    const index = steps.findIndex((step) => step.key === form.step);
    if (index < 0) return renderStep(c, org.slug, role, 0, answers);
    const errors = steps[index]?.check(answers, role);
    if (errors) return renderStep(c, org.slug, role, index, answers, errors);
    return renderStep(c, org.slug, role, index + 1, answers);
  });

  app.get("/volunteer/:slug/roles/:id/applied", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const role = await getPublicOpportunity(c.get("services").database.db, org.id, c.req.param("id")).catch(
      () => null,
    );
    const reference = /^[0-9A-F]{8}$/.test(c.req.query("ref") ?? "") ? c.req.query("ref") : null;
    return renderPage(c, {
      title: "Application sent",
      content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${panel({ title: "Application sent", body: reference ? html`Your reference<br><strong>${reference}</strong>` : undefined, headingLevel: 1 })}
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body">A volunteering coordinator at ${org.name} will contact you${role ? ` about "${role.title}"` : ""}, usually within 5 working days.</p>
        <p class="govuk-body"><a class="govuk-link" href="/volunteer/${org.slug}">Find more roles</a></p>
      </div></div>`,
    });
  });
  return app;
}
