import { type Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDate, html, insetText, table, tag } from "../../../platform/ui/index.ts";
import { getCheck, recordOwnCheck, updateCheck } from "../commands/record-check.ts";
import { registerVolunteer } from "../commands/register-volunteer.ts";
import { updateOwnProfile, updateVolunteer } from "../commands/update-volunteer.ts";
import { canCoordinate } from "../policy.ts";
import { getVolunteerProfile, myVolunteering } from "../queries/volunteers.ts";
import { londonToday } from "../records.ts";
import { checkKinds, trainingKinds } from "../vocabulary.ts";
import {
  checkFields,
  checkFormInput,
  checkValues,
  dateErrorKeys,
  identityFields,
  profileFields,
  volunteerFormInput,
  volunteerValues,
} from "./volunteer-form.ts";

// Forms that create or change a volunteer's record: the coordinator's and the volunteer's own.
// Registered before volunteer-pages.ts so "/volunteering/volunteers/new" is not read as an id.

type Values = Record<string, string>;

async function ownRecord(c: Context<AppEnv>) {
  const record = await myVolunteering(c.get("services").database.db, requireActor(c));
  if (!record)
    throw notFound(
      "You are not registered as a volunteer",
      "Ask your volunteering coordinator to link your account to your volunteer record.",
    );
  return record;
}

export function volunteerEditPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showRegister = (c: Context<AppEnv>, values: Values, errors?: FieldErrors) => {
    const actor = requireActor(c);
    requireAllowed(canCoordinate(actor), "Only volunteering coordinators can register volunteers.");
    return renderPage(c, {
      title: "Register a volunteer",
      errors,
      status: errors ? 422 : 200,
      backLink: "/volunteering/volunteers",
      content: html`<h1 class="govuk-heading-l">Register a volunteer</h1>
        <form method="post" action="/volunteering/volunteers/new" novalidate>${csrfField(c)}
          ${identityFields(values, errors)}${profileFields(values, errors)}
          ${button({ text: "Register volunteer", preventDoubleClick: true })}</form>`,
    });
  };
  app.get("/volunteering/volunteers/new", (c) => showRegister(c, {}));
  app.post("/volunteering/volunteers/new", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const input = volunteerFormInput(form);
    const result = await attemptForForm(() => callForPage(c, registerVolunteer, actor, input));
    if (!result.ok)
      return showRegister(c, { ...form, ...input }, dateErrorKeys(result.errors, ["dateOfBirth"]));
    return c.redirect(`/volunteering/volunteers/${result.value.id}?done=registered`, 303);
  });

  const showEdit = async (c: Context<AppEnv>, values: Values | null, errors?: FieldErrors) => {
    const actor = requireActor(c);
    requireAllowed(canCoordinate(actor), "Only volunteering coordinators can change volunteers' records.");
    const profile = await callForPage(c, getVolunteerProfile, actor, c.req.param("id") ?? "");
    const person = profile.volunteer;
    const shown = values ?? volunteerValues(person);
    return renderPage(c, {
      title: `Change ${person.givenName} ${person.familyName}'s details`,
      errors,
      status: errors ? 422 : 200,
      backLink: `/volunteering/volunteers/${person.id}`,
      content: html`<span class="govuk-caption-l">${person.givenName} ${person.familyName}</span><h1 class="govuk-heading-l">Change volunteer details</h1>
        <form method="post" action="/volunteering/volunteers/${person.id}/edit" novalidate>${csrfField(c)}
          ${identityFields(shown, errors)}${profileFields(shown, errors)}
          ${button({ text: "Save changes", preventDoubleClick: true })}</form>`,
    });
  };
  app.get("/volunteering/volunteers/:id/edit", (c) => showEdit(c, null));
  app.post("/volunteering/volunteers/:id/edit", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const input = volunteerFormInput(form);
    const result = await attemptForForm(() =>
      callForPage(c, updateVolunteer, actor, c.req.param("id"), input),
    );
    if (!result.ok) return showEdit(c, { ...form, ...input }, dateErrorKeys(result.errors, ["dateOfBirth"]));
    return c.redirect(`/volunteering/volunteers/${c.req.param("id")}?done=updated`, 303);
  });

  const showCheck = async (c: Context<AppEnv>, values: Values | null, errors?: FieldErrors) => {
    const actor = requireActor(c);
    const check = await getCheck(c.get("services").database.db, actor, c.req.param("id") ?? "");
    return renderPage(c, {
      title: `Change ${checkKinds[check.kind]}`,
      errors,
      status: errors ? 422 : 200,
      backLink: `/volunteering/volunteers/${check.volunteerId}`,
      content: html`<h1 class="govuk-heading-l">Change a check or training</h1>
        <form method="post" action="/volunteering/checks/${check.id}/edit" novalidate>${csrfField(c)}
          ${checkFields(values ?? checkValues(check), errors)}
          ${button({ text: "Save changes", preventDoubleClick: true })}</form>`,
    });
  };
  app.get("/volunteering/checks/:id/edit", (c) => showCheck(c, null));
  app.post("/volunteering/checks/:id/edit", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const input = checkFormInput(await readForm(c));
    const result = await attemptForForm(() => updateCheck(db, actor, c.get("now"), c.req.param("id"), input));
    if (!result.ok) return showCheck(c, input, dateErrorKeys(result.errors, ["issuedOn", "expiresOn"]));
    return c.redirect(`/volunteering/volunteers/${result.value.volunteerId}?done=check`, 303);
  });

  const showOwnProfile = async (
    c: Context<AppEnv>,
    values: Values | null,
    errors?: FieldErrors,
    checkValuesShown: Values = {},
    checkErrors?: FieldErrors,
  ) => {
    const record = await ownRecord(c);
    const today = londonToday(c.get("now"));
    return renderPage(c, {
      title: "Your volunteer profile",
      errors: errors ?? checkErrors,
      status: errors || checkErrors ? 422 : 200,
      backLink: "/my-volunteering",
      notification: flashFrom(c, { profile: "Profile saved.", check: "Check or training added." }),
      content: html`<h1 class="govuk-heading-l">Your volunteer profile</h1>
        <form method="post" action="/my-volunteering/profile" novalidate>${csrfField(c)}
          ${profileFields(values ?? volunteerValues(record.volunteer), errors)}
          ${button({ text: "Save profile", preventDoubleClick: true })}</form>
        <h2 class="govuk-heading-m">Your checks and training</h2>
        ${
          record.checks.length === 0
            ? html`<p class="govuk-body">None recorded yet.</p>`
            : table({
                caption: "Checks and training you hold",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Check" }, { text: "Issued" }, { text: "Renewal due" }],
                rows: record.checks.map((check) => [
                  checkKinds[check.kind],
                  formatDate(check.issuedOn),
                  check.expiresOn
                    ? html`${formatDate(check.expiresOn)} ${check.expiresOn < today ? tag("Expired", "red") : ""}`
                    : "No renewal date",
                ]),
              })
        }
        ${insetText("Your coordinator records DBS checks, because they need to see the certificate.")}
        <form method="post" action="/my-volunteering/checks" novalidate>${csrfField(c)}
          <h3 class="govuk-heading-s">Add training you hold</h3>
          ${checkFields(checkValuesShown, checkErrors, [...trainingKinds])}
          ${button({ text: "Add training", variant: "secondary", preventDoubleClick: true })}</form>`,
    });
  };
  app.get("/my-volunteering/profile", (c) => showOwnProfile(c, null));
  app.post("/my-volunteering/profile", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, updateOwnProfile, actor, form));
    if (!result.ok) return showOwnProfile(c, form, result.errors);
    return c.redirect("/my-volunteering/profile?done=profile", 303);
  });
  app.post("/my-volunteering/checks", async (c) => {
    const actor = requireActor(c);
    const input = checkFormInput(await readForm(c));
    const result = await attemptForForm(() => callForPage(c, recordOwnCheck, actor, input));
    if (!result.ok)
      return showOwnProfile(
        c,
        null,
        undefined,
        input,
        dateErrorKeys(result.errors, ["issuedOn", "expiresOn"]),
      );
    return c.redirect("/my-volunteering/profile?done=check", 303);
  });
  return app;
}
