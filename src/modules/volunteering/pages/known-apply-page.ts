import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  html,
  type SafeHtml,
  summaryList,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { applyAsKnownVolunteer } from "../commands/apply-as-volunteer.ts";
import type { PublicResult } from "../queries/opportunities.ts";
import { type MissingDetail, missingDetails, ownVolunteerRecord } from "../queries/own-volunteer.ts";
import type { Volunteer } from "../schema.ts";
import { availabilitySlots, interests, labelsOf } from "../vocabulary.ts";
import { dateErrorKeys, dateParts } from "./volunteer-form.ts";

// Team Kinetic's one-click apply: a signed-in volunteer sees what we already hold, is asked only
// for what is missing, and sends the application from this one page.

type Organisation = { id: string; slug: string; name: string };

/** The signed-in volunteer's record when they belong to this organisation; anyone else gets the long journey. */
export async function knownVolunteer(
  c: Context<AppEnv>,
  organisation: Organisation,
): Promise<Volunteer | null> {
  const actor = c.get("actor");
  if (actor?.kind !== "user" || actor.organisationId !== organisation.id) return null;
  return ownVolunteerRecord(c.get("services").database.db, actor).catch(() => null);
}

const items = (list: Record<string, string>) =>
  Object.entries(list).map(([value, text]) => ({ value, text }));
const listOf = (value: string | undefined) => (value ?? "").split(",").filter(Boolean);

function knownRows(record: Volunteer) {
  const rows = [
    { key: "Name", value: `${record.givenName} ${record.familyName}` },
    { key: "Email", value: record.email },
    { key: "Phone", value: record.phone ?? "" },
    { key: "Date of birth", value: record.dateOfBirth ? formatDate(record.dateOfBirth) : "" },
    { key: "Postcode", value: record.postcode ?? "" },
    { key: "Interests", value: labelsOf(interests, record.interests) },
    { key: "When you are free", value: labelsOf(availabilitySlots, record.availability) },
  ];
  return rows.filter((row) => row.value !== "");
}

function missingFields(
  missing: MissingDetail[],
  role: PublicResult,
  values: Record<string, string>,
  errors: FieldErrors | undefined,
): SafeHtml {
  const ask: Record<MissingDetail, () => SafeHtml> = {
    phone: () =>
      textInput({
        name: "phone",
        label: "Phone number (optional)",
        type: "tel",
        autocomplete: "tel",
        value: values.phone,
        width: 20,
        error: errors?.phone,
      }),
    dateOfBirth: () =>
      dateInput({
        name: "dateOfBirth",
        legend: {
          text: role.minimumAge !== null ? "Date of birth" : "Date of birth (optional)",
          classes: "govuk-fieldset__legend--s",
        },
        hint:
          role.minimumAge !== null
            ? `This role is for people aged ${role.minimumAge} or over. For example, 27 3 1990`
            : "For example, 27 3 1990",
        autocomplete: "bday",
        value: dateParts(values.dateOfBirth),
        error: errors?.["dateOfBirth-day"],
      }),
    postcode: () =>
      textInput({
        name: "postcode",
        label: "Postcode (optional)",
        hint: "It helps us suggest roles near you",
        autocomplete: "postal-code",
        value: values.postcode,
        width: 10,
        error: errors?.postcode,
      }),
    interests: () =>
      checkboxes({
        name: "interests",
        legend: "Interests (optional)",
        hint: "Select all that apply",
        items: items(interests),
        values: listOf(values.interests),
        error: errors?.interests,
        small: true,
      }),
    availability: () =>
      checkboxes({
        name: "availability",
        legend: "When you are usually free (optional)",
        hint: "Select all that apply",
        items: items(availabilitySlots),
        values: listOf(values.availability),
        error: errors?.availability,
        small: true,
      }),
  };
  if (missing.length === 0) return html``;
  return html`<h2 class="govuk-heading-m">We need a little more</h2>${missing.map((key) => ask[key]())}`;
}

export function renderKnownApply(
  c: Context<AppEnv>,
  organisation: Organisation,
  role: PublicResult,
  record: Volunteer,
  values: Record<string, string> = {},
  errors?: FieldErrors,
): Response {
  const missing = missingDetails(record);
  return renderPage(c, {
    title: `Apply: ${role.title}`,
    errors,
    status: errors ? 422 : 200,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <span class="govuk-caption-l">${organisation.name}</span>
      <h1 class="govuk-heading-l">Apply: ${role.title}</h1>
      <p class="govuk-body">You are signed in, so we will send the details we already hold.</p>
      <h2 class="govuk-heading-m">Your details</h2>
      ${summaryList(knownRows(record))}
      <p class="govuk-body"><a class="govuk-link" href="/my-volunteering/profile">Change your details</a>. Ask your volunteering coordinator to change your name or email.</p>
      <form method="post" action="/volunteer/${organisation.slug}/roles/${role.id}/apply" novalidate>
        ${csrfField(c)}<input type="hidden" name="step" value="known">
        ${missingFields(missing, role, values, errors)}
        ${textarea({ name: "message", label: "Why are you interested in this role? (optional)", labelClasses: "govuk-label--m", hint: "Tell us anything that would help, such as when you can start", value: values.message, error: errors?.message })}
        ${button({ text: "Send application", preventDoubleClick: true })}
      </form></div></div>`,
  });
}

/** The one-page form's POST: the application, or the same page with every error at once. */
export async function submitKnownApply(
  c: Context<AppEnv>,
  organisation: Organisation,
  role: PublicResult,
  record: Volunteer,
  form: Record<string, string>,
): Promise<Response> {
  const values: Record<string, string> = {
    phone: form.phone ?? "",
    dateOfBirth: dateFromParts(form, "dateOfBirth"),
    postcode: form.postcode ?? "",
    interests: form.interests ?? "",
    availability: form.availability ?? "",
    message: form.message ?? "",
  };
  const actor = c.get("actor");
  if (!actor) return renderKnownApply(c, organisation, role, record, values);
  const result = await attemptForForm(() => callForPage(c, applyAsKnownVolunteer, actor, role.id, values));
  if (!result.ok)
    return renderKnownApply(
      c,
      organisation,
      role,
      record,
      values,
      dateErrorKeys(result.errors, ["dateOfBirth"]),
    );
  return c.redirect(
    `/volunteer/${organisation.slug}/roles/${role.id}/applied?ref=${result.value.id.slice(-8).toUpperCase()}`,
    303,
  );
}
