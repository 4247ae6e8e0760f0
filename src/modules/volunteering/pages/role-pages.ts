import { type Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatDateTime,
  html,
  select,
  summaryList,
  type TagColour,
  table,
  tag,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { addSession } from "../commands/add-session.ts";
import { decideOpportunity, type OpportunityDecision } from "../commands/decide-opportunity.ts";
import { postOpportunity } from "../commands/post-opportunity.ts";
import { canPostOpportunity } from "../policy.ts";
import { suggestVolunteers } from "../queries/matching.ts";
import { getOpportunity, listOpportunities } from "../queries/opportunities.ts";
import { londonMoment } from "../records.ts";
import type { OpportunityStatus } from "../schema.ts";
import { checkKinds, interests, labelsOf, themes } from "../vocabulary.ts";
import { volunteeringTabs } from "./page-kit.ts";
import { roleFields } from "./role-form.ts";

export const statusTags: Record<string, [string, TagColour]> = {
  submitted: ["Waiting for approval", "yellow"],
  approved: ["Open", "green"],
  rejected: ["Rejected", "red"],
  closed: ["Closed", "grey"],
};

export function rolePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/volunteering/roles", async (c) => {
    const actor = requireActor(c);
    const wanted = c.req.query("status");
    const status = wanted && wanted in statusTags ? (wanted as OpportunityStatus) : undefined;
    const roles = await listOpportunities(c.get("services").database.db, actor, status);
    return renderPage(c, {
      title: "Volunteering roles",
      notification: flashFrom(c, {
        posted: "Role posted. A coordinator will approve it before it is public.",
      }),
      content: html`${volunteeringTabs(actor, "/volunteering/roles")}
        <h1 class="govuk-heading-l">Volunteering roles</h1>
        ${button({ text: "Post a role", href: "/volunteering/roles/new", variant: "secondary" })}
        <form method="get" action="/volunteering/roles" novalidate class="govuk-!-margin-bottom-4">
          ${select({ name: "status", label: "Show", options: [{ value: "", text: "All roles" }, ...Object.entries(statusTags).map(([value, [text]]) => ({ value, text }))], value: status ?? "" })}
          ${button({ text: "Show roles", variant: "secondary" })}
        </form>
        ${table({
          caption: `${roles.length} ${roles.length === 1 ? "role" : "roles"}`,
          head: [
            { text: "Role" },
            { text: "Theme" },
            { text: "Status" },
            { text: "Places taken", numeric: true },
            { text: "Posted" },
          ],
          rows: roles.map((role) => [
            html`<a class="govuk-link" href="/volunteering/roles/${role.id}">${role.title}</a>`,
            themes[role.theme],
            tag(...(statusTags[role.status] ?? [role.status, "grey"])),
            { content: `${role.placesTaken} of ${role.places}`, numeric: true },
            formatDate(role.createdAt),
          ]),
        })}`,
    });
  });

  const showNew = (c: Context<AppEnv>, values: Record<string, string>, errors?: Record<string, string>) =>
    renderPage(c, {
      title: `Post a volunteering role`,
      errors,
      status: errors ? 422 : 200,
      backLink: "/volunteering/roles",
      content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Post a volunteering role</h1>
        <p class="govuk-body">A coordinator approves every role before the public can see it.</p>
        <form method="post" action="/volunteering/roles/new" novalidate>${csrfField(c)}${roleFields(values, errors)}${button({ text: "Post role", preventDoubleClick: true })}</form>
      </div></div>`,
    });

  app.get("/volunteering/roles/new", (c) => {
    requireAllowed(
      canPostOpportunity(requireActor(c)),
      "Only coordinators, partner agencies and community groups can post volunteering roles.",
    );
    return showNew(c, {});
  });

  app.post("/volunteering/roles/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, postOpportunity, actor, values));
    if (!result.ok) return showNew(c, values, result.errors);
    return c.redirect(`/volunteering/roles/${result.value.id}?done=posted`, 303);
  });

  app.get("/volunteering/roles/:id", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const { role, sessions, placesTaken, canDecide } = await getOpportunity(db, actor, c.req.param("id"));
    const suggestions =
      canDecide && role.status === "approved"
        ? await suggestVolunteers(db, actor, c.get("now"), role.id, 5)
        : [];
    const decisionForm = (
      decision: OpportunityDecision,
      text: string,
      variant: "primary" | "secondary" | "warning",
      withReason = false,
    ) => html`
      <form method="post" action="/volunteering/roles/${role.id}/decision" novalidate class="govuk-!-margin-bottom-4">${csrfField(c)}
        <input type="hidden" name="decision" value="${decision}">
        ${withReason ? textarea({ name: "reason", id: `reason-${decision}`, label: "Why is it rejected?", hint: "The person who posted it will see this", rows: 2 }) : ""}
        ${button({ text, variant })}</form>`;
    return renderPage(c, {
      title: role.title,
      backLink: "/volunteering/roles",
      notification: flashFrom(c, {
        posted: "Role posted. It waits for approval.",
        approve: "Role approved: it is now public.",
        reject: "Role rejected.",
        close: "Role closed.",
        session: "Session added.",
        hours: "Hours logged and verified.",
      }),
      content: html`<span class="govuk-caption-l">${role.activity}</span>
        <h1 class="govuk-heading-l">${role.title} ${tag(...(statusTags[role.status] ?? [role.status, "grey"]))}</h1>
        ${summaryList([
          { key: "Description", value: role.description },
          { key: "Theme", value: themes[role.theme] },
          { key: "Interests", value: labelsOf(interests, role.interests) },
          {
            key: "Where",
            value: role.remote ? "Remote" : [role.locationName, role.postcode].filter(Boolean).join(", "),
          },
          { key: "Time commitment", value: role.timeCommitment },
          {
            key: "Requirements",
            value:
              [
                role.dbsRequired ? "Enhanced DBS check" : "",
                ...role.trainingRequired.map((k) => checkKinds[k]),
                role.minimumAge ? `Aged ${role.minimumAge} or over` : "",
              ]
                .filter(Boolean)
                .join(", ") || "None",
          },
          { key: "Places", value: `${placesTaken} of ${role.places} taken` },
          ...(role.statusReason ? [{ key: "Reason", value: role.statusReason }] : []),
          ...(role.projectRef ? [{ key: "Project", value: role.projectRef }] : []),
        ])}
        ${canDecide && role.status === "submitted" ? html`${decisionForm("approve", "Approve and publish", "primary")}${decisionForm("reject", "Reject", "warning", true)}` : ""}
        ${canDecide && role.status === "approved" ? decisionForm("close", "Close the role", "secondary") : ""}
        <h2 class="govuk-heading-m">Sessions</h2>
        ${
          sessions.length === 0
            ? html`<p class="govuk-body">No sessions yet.</p>`
            : table({
                caption: "Sessions",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Starts" }, { text: "Ends" }, { text: "Hours" }],
                rows: sessions.map((s) => [
                  formatDateTime(s.startsAt),
                  formatDateTime(s.endsAt),
                  canDecide
                    ? html`<a class="govuk-link" href="/volunteering/sessions/${s.id}/hours">Log hours<span class="govuk-visually-hidden"> for the session on ${formatDateTime(s.startsAt)}</span></a>`
                    : "",
                ]),
              })
        }
        ${
          canDecide
            ? html`<form method="post" action="/volunteering/roles/${role.id}/sessions" novalidate>${csrfField(c)}
          <h3 class="govuk-heading-s">Add a session</h3>
          ${textInput({ name: "startsAt", label: "Starts", hint: "Date and time, for example 2026-06-20 10:00", width: 20 })}
          ${textInput({ name: "endsAt", label: "Ends", hint: "For example 2026-06-20 13:00", width: 20 })}
          ${button({ text: "Add session", variant: "secondary" })}</form>`
            : ""
        }
        ${
          canDecide
            ? html`<h2 class="govuk-heading-m">Suggested volunteers</h2>
          ${
            suggestions.length === 0
              ? html`<p class="govuk-body">No suggestions${role.status === "approved" ? "" : " until the role is approved"}.</p>`
              : table({
                  caption: "Volunteers who match this role, best first",
                  captionClasses: "govuk-visually-hidden",
                  head: [{ text: "Volunteer" }, { text: "Why" }, { text: "Still needed" }],
                  rows: suggestions.map((m) => [
                    html`<a class="govuk-link" href="/volunteering/volunteers/${m.record.id}">${m.record.givenName} ${m.record.familyName}</a>`,
                    html`<ul class="govuk-list govuk-body-s">${m.reasons.map((r) => html`<li>${r}</li>`)}</ul>`,
                    m.stillNeeded.length
                      ? html`<ul class="govuk-list govuk-body-s">${m.stillNeeded.map((r) => html`<li>${r}</li>`)}</ul>`
                      : "Nothing",
                  ]),
                })
          }
          <p class="govuk-body"><a class="govuk-link" href="/volunteering/applications?role=${role.id}">Applications for this role</a></p>`
            : ""
        }`,
    });
  });

  app.post("/volunteering/roles/:id/decision", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const decision = form.decision as OpportunityDecision;
    await callForPage(c, decideOpportunity, actor, c.req.param("id"), decision, form.reason);
    return c.redirect(`/volunteering/roles/${c.req.param("id")}?done=${decision}`, 303);
  });

  app.post("/volunteering/roles/:id/sessions", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    await callForPage(
      c,
      addSession,
      actor,
      c.req.param("id"),
      londonMoment(form.startsAt ?? ""),
      londonMoment(form.endsAt ?? ""),
    );
    return c.redirect(`/volunteering/roles/${c.req.param("id")}?done=session`, 303);
  });

  return app;
}
