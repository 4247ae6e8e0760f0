import { type Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDate, html, summaryList, table, tag, textInput } from "../../../platform/ui/index.ts";
import { recordCheck } from "../commands/record-check.ts";
import { type DocumentKind, volunteerDocument } from "../pdf/documents.ts";
import { canCoordinate } from "../policy.ts";
import { suggestOpportunities } from "../queries/matching.ts";
import { getVolunteerProfile, listVolunteers } from "../queries/volunteers.ts";
import { londonToday } from "../records.ts";
import { availabilitySlots, checkKinds, interests, labelsOf, skills } from "../vocabulary.ts";
import { applicationTags } from "./coordinator-pages.ts";
import { hoursText, volunteeringTabs } from "./page-kit.ts";
import { checkFields, checkFormInput, dateErrorKeys } from "./volunteer-form.ts";

export function pdfResponse(c: Context<AppEnv>, document: { filename: string; pdf: Buffer }): Response {
  return c.body(new Uint8Array(document.pdf), 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${document.filename}"`,
    "Cache-Control": "no-store",
  });
}

export function volunteerPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/volunteering/volunteers", async (c) => {
    const actor = requireActor(c);
    const search = c.req.query("search") ?? "";
    const rows = await callForPage(c, listVolunteers, actor, search);
    return renderPage(c, {
      title: "Volunteers",
      content: html`${volunteeringTabs(actor, "/volunteering/volunteers")}
        <h1 class="govuk-heading-l">Volunteers</h1>
        ${button({ text: "Register a volunteer", href: "/volunteering/volunteers/new", variant: "secondary" })}
        <form method="get" action="/volunteering/volunteers" novalidate>
          ${textInput({ name: "search", label: "Search by name or email", value: search, type: "search", width: 20 })}
          ${button({ text: "Search", variant: "secondary" })}</form>
        ${table({
          caption: `${rows.length} volunteers${rows.length === 200 ? " (first 200)" : ""}`,
          head: [{ text: "Name" }, { text: "Email" }, { text: "Postcode" }, { text: "Registered" }],
          rows: rows.map((row) => [
            html`<a class="govuk-link" href="/volunteering/volunteers/${row.id}">${row.givenName} ${row.familyName}</a>`,
            row.email,
            row.postcode ?? "",
            formatDate(row.createdAt),
          ]),
        })}`,
    });
  });

  const showProfile = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors?: Record<string, string>,
  ) => {
    const actor = requireActor(c);
    // The role before the look-up, so a refused role gets 403 for any id (issue 18 item 6);
    // volunteers see their own record under /my-volunteering.
    requireAllowed(canCoordinate(actor), "Only volunteering coordinators can see volunteers' records.");
    const db = c.get("services").database.db;
    const profile = await getVolunteerProfile(db, actor, c.get("now"), c.req.param("id") ?? "");
    const person = profile.volunteer;
    const matches = await suggestOpportunities(db, actor, c.get("now"), person.id, 5);
    const today = londonToday(c.get("now"));
    return renderPage(c, {
      title: `${person.givenName} ${person.familyName}`,
      errors,
      status: errors ? 422 : 200,
      backLink: "/volunteering/volunteers",
      notification: flashFrom(c, {
        check: "Check saved.",
        registered: "Volunteer registered.",
        updated: "Details saved.",
      }),
      content: html`<span class="govuk-caption-l">Volunteer</span><h1 class="govuk-heading-l">${person.givenName} ${person.familyName}</h1>
        <p class="govuk-body"><a class="govuk-link" href="/volunteering/volunteers/${person.id}/edit">Change details</a></p>
        ${summaryList([
          { key: "Email", value: person.email },
          { key: "Phone", value: person.phone ?? "Not given" },
          { key: "Date of birth", value: person.dateOfBirth ? formatDate(person.dateOfBirth) : "Not given" },
          { key: "Postcode", value: person.postcode ?? "Not given" },
          { key: "Interests", value: labelsOf(interests, person.interests) || "None given" },
          { key: "Skills", value: labelsOf(skills, person.skills) || "None given" },
          { key: "Free", value: labelsOf(availabilitySlots, person.availability) || "Not given" },
          { key: "Verified hours", value: hoursText(profile.verifiedMinutes) },
          { key: "Waiting for verification", value: hoursText(profile.submittedMinutes) },
          {
            key: "Last volunteered",
            value: profile.lastWorkedOn ? formatDate(profile.lastWorkedOn) : "Not yet",
          },
          {
            key: "Milestones",
            value: profile.milestones.map((m) => `${m.hours} hours`).join(", ") || "None yet",
          },
        ])}
        ${profile.verifiedMinutes > 0 ? html`<p class="govuk-body"><a class="govuk-link" href="/volunteering/volunteers/${person.id}/certificate.pdf" download>Download certificate (PDF)</a> · <a class="govuk-link" href="/volunteering/volunteers/${person.id}/reference.pdf" download>Download reference (PDF)</a></p>` : ""}
        <h2 class="govuk-heading-m">Checks and training</h2>
        ${table({
          caption: "Checks held",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Check" },
            { text: "Reference" },
            { text: "Issued" },
            { text: "Renewal due" },
            { text: "" },
          ],
          rows: profile.checks.map((check) => [
            checkKinds[check.kind],
            check.reference ?? "",
            formatDate(check.issuedOn),
            check.expiresOn
              ? html`${formatDate(check.expiresOn)} ${check.expiresOn < today ? tag("Expired", "red") : ""}`
              : "No renewal date",
            html`<a class="govuk-link" href="/volunteering/checks/${check.id}/edit">Change<span class="govuk-visually-hidden"> ${checkKinds[check.kind]}</span></a>`,
          ]),
        })}
        <form method="post" action="/volunteering/volunteers/${person.id}/checks" novalidate>${csrfField(c)}
          <h3 class="govuk-heading-s">Record a check or training</h3>
          ${checkFields(values, errors)}
          ${button({ text: "Record check", variant: "secondary" })}</form>
        <h2 class="govuk-heading-m">Applications</h2>
        ${table({
          caption: "Applications",
          captionClasses: "govuk-visually-hidden",
          head: [{ text: "Role" }, { text: "Applied" }, { text: "Status" }],
          rows: profile.applications.map((a) => [
            html`<a class="govuk-link" href="/volunteering/roles/${a.opportunityId}">${a.title}</a>`,
            formatDate(a.appliedAt),
            tag(...applicationTags[a.status]),
          ]),
        })}
        <h2 class="govuk-heading-m">Suggested roles</h2>
        ${
          matches.length === 0
            ? html`<p class="govuk-body">No open roles match this volunteer's interests or skills.</p>`
            : table({
                caption: "Roles that match, best first",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Role" }, { text: "Why" }, { text: "Still needed" }],
                rows: matches.map((m) => [
                  html`<a class="govuk-link" href="/volunteering/roles/${m.record.id}">${m.record.title}</a>`,
                  html`<ul class="govuk-list govuk-body-s">${m.reasons.map((r) => html`<li>${r}</li>`)}</ul>`,
                  m.stillNeeded.length
                    ? html`<ul class="govuk-list govuk-body-s">${m.stillNeeded.map((r) => html`<li>${r}</li>`)}</ul>`
                    : "Nothing",
                ]),
              })
        }`,
    });
  };

  app.get("/volunteering/volunteers/:id", (c) => showProfile(c));
  app.post("/volunteering/volunteers/:id/checks", async (c) => {
    const actor = requireActor(c);
    const values = checkFormInput(await readForm(c));
    const result = await attemptForForm(() => callForPage(c, recordCheck, actor, c.req.param("id"), values));
    if (!result.ok) return showProfile(c, values, dateErrorKeys(result.errors, ["issuedOn", "expiresOn"]));
    return c.redirect(`/volunteering/volunteers/${c.req.param("id")}?done=check`, 303);
  });

  for (const kind of ["certificate", "reference"] as DocumentKind[]) {
    app.get(`/volunteering/volunteers/:id/${kind}.pdf`, async (c) => {
      const actor = requireActor(c);
      requireAllowed(canCoordinate(actor), "Only volunteering coordinators can see volunteers' records.");
      return pdfResponse(c, await callForPage(c, volunteerDocument, actor, c.req.param("id"), kind));
    });
  }
  return app;
}
