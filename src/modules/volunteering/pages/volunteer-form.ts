import { dateFromParts } from "../../../platform/http/fields.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { checkboxes, dateInput, html, type SafeHtml, select, textInput } from "../../../platform/ui/index.ts";
import type { Volunteer, VolunteerCheck } from "../schema.ts";
import { availabilitySlots, type CheckKind, checkKinds, interests, skills } from "../vocabulary.ts";

// The volunteer and check forms, shared by the coordinator's pages and the volunteer's own.

const items = (list: Record<string, string>) =>
  Object.entries(list).map(([value, text]) => ({ value, text }));
const listValue = (value: string | undefined) => (value ? value.split(",") : []);

/** "2026-03-07" → the three boxes of a GOV.UK date input. */
export function dateParts(value: string | null | undefined) {
  const [year, month, day] = (value ?? "").split("-");
  return { day: day?.replace(/^0/, ""), month: month?.replace(/^0/, ""), year };
}

/** Date errors link to the day box, where the GOV.UK date input starts. */
export function dateErrorKeys(errors: FieldErrors, dateFields: string[]): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => [dateFields.includes(key) ? `${key}-day` : key, message]),
  );
}

/** A stored volunteer as the strings the form shows. */
export function volunteerValues(person: Volunteer): Record<string, string> {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    phone: person.phone ?? "",
    dateOfBirth: person.dateOfBirth ?? "",
    postcode: person.postcode ?? "",
    interests: person.interests.join(","),
    skills: person.skills.join(","),
    availability: person.availability.join(","),
  };
}

/** The submitted volunteer form as the command's input. */
export function volunteerFormInput(form: Record<string, string>): Record<string, string> {
  const { givenName, familyName, email, phone, postcode, interests, skills, availability } = form;
  return {
    givenName: givenName ?? "",
    familyName: familyName ?? "",
    email: email ?? "",
    phone: phone ?? "",
    dateOfBirth: dateFromParts(form, "dateOfBirth"),
    postcode: postcode ?? "",
    interests: interests ?? "",
    skills: skills ?? "",
    availability: availability ?? "",
  };
}

/** Contact details, asked of coordinators only (a volunteer's name and email identify them). */
export function identityFields(values: Record<string, string>, errors: FieldErrors | undefined): SafeHtml {
  return html`
    ${textInput({ name: "givenName", label: "First name", value: values.givenName, autocomplete: "off", error: errors?.givenName })}
    ${textInput({ name: "familyName", label: "Last name", value: values.familyName, autocomplete: "off", error: errors?.familyName })}
    ${textInput({ name: "email", label: "Email address", type: "email", value: values.email, autocomplete: "off", spellcheck: false, error: errors?.email })}
    ${dateInput({ name: "dateOfBirth", legend: { text: "Date of birth (optional)", classes: "govuk-fieldset__legend--s" }, hint: "Some roles have a minimum age. For example, 27 3 2007", value: dateParts(values.dateOfBirth), error: errors?.["dateOfBirth-day"] })}`;
}

/** What a volunteer may keep up to date themselves. */
export function profileFields(values: Record<string, string>, errors: FieldErrors | undefined): SafeHtml {
  return html`
    ${textInput({ name: "phone", label: "Phone number (optional)", type: "tel", value: values.phone, width: 20, error: errors?.phone })}
    ${textInput({ name: "postcode", label: "Postcode (optional)", hint: "We use it to suggest roles near you", value: values.postcode, width: 10, error: errors?.postcode })}
    ${checkboxes({ name: "interests", legend: "Interests", hint: "Select all that apply", items: items(interests), values: listValue(values.interests), error: errors?.interests, small: true })}
    ${checkboxes({ name: "skills", legend: "Skills", hint: "Select all that apply", items: items(skills), values: listValue(values.skills), error: errors?.skills, small: true })}
    ${checkboxes({ name: "availability", legend: "When free", hint: "Select all that apply", items: items(availabilitySlots), values: listValue(values.availability), error: errors?.availability, small: true })}`;
}

export function checkValues(check: VolunteerCheck): Record<string, string> {
  return {
    kind: check.kind,
    reference: check.reference ?? "",
    issuedOn: check.issuedOn,
    expiresOn: check.expiresOn ?? "",
  };
}

export function checkFormInput(form: Record<string, string>): Record<string, string> {
  return {
    kind: form.kind ?? "",
    reference: form.reference ?? "",
    issuedOn: dateFromParts(form, "issuedOn"),
    expiresOn: dateFromParts(form, "expiresOn"),
  };
}

/** A check or training with its dates; `kinds` limits what may be chosen (volunteers cannot add DBS). */
export function checkFields(
  values: Record<string, string>,
  errors: FieldErrors | undefined,
  kinds: CheckKind[] = Object.keys(checkKinds) as CheckKind[],
): SafeHtml {
  return html`
    ${select({ name: "kind", label: "Check or training", options: [{ value: "", text: "Select a check" }, ...kinds.map((value) => ({ value, text: checkKinds[value] }))], value: values.kind, error: errors?.kind })}
    ${textInput({ name: "reference", label: "Certificate number (optional)", value: values.reference, width: 20, error: errors?.reference })}
    ${dateInput({ name: "issuedOn", legend: { text: "Date issued", classes: "govuk-fieldset__legend--s" }, hint: "For example, 27 3 2025", error: errors?.["issuedOn-day"], value: dateParts(values.issuedOn) })}
    ${dateInput({ name: "expiresOn", legend: { text: "Renewal date (optional)", classes: "govuk-fieldset__legend--s" }, hint: "Many organisations renew DBS checks every 3 years", error: errors?.["expiresOn-day"], value: dateParts(values.expiresOn) })}`;
}
