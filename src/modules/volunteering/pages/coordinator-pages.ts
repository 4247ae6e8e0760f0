import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  formatDate,
  html,
  select,
  type TagColour,
  table,
  tag,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { type ApplicationStep, decideApplication } from "../commands/decide-application.ts";
import { reviewHours } from "../commands/review-hours.ts";
import { setAtRiskWeeks } from "../commands/set-at-risk-weeks.ts";
import { atRiskWeeks } from "../jobs/at-risk.ts";
import { canSetHourlyRate } from "../policy.ts";
import { hoursAwaitingReview, volunteersAtRisk } from "../queries/hours.ts";
import { listApplications } from "../queries/volunteers.ts";
import type { ApplicationStatus } from "../schema.ts";
import { hoursText, volunteeringTabs } from "./page-kit.ts";

export const applicationTags: Record<ApplicationStatus, [string, TagColour]> = {
  applied: ["Applied", "blue"],
  approved: ["Approved", "turquoise"],
  declined: ["Declined", "red"],
  placed: ["Placed", "green"],
  ended: ["Ended", "grey"],
};
const nextSteps: Record<ApplicationStatus, [ApplicationStep, string][]> = {
  applied: [
    ["approve", "Approve"],
    ["decline", "Decline"],
  ],
  approved: [
    ["place", "Place in role"],
    ["decline", "Decline"],
  ],
  placed: [["end", "End placement"]],
  declined: [],
  ended: [],
};

export function coordinatorPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showApplications = async (c: Context<AppEnv>, errors?: Record<string, string>) => {
    const actor = requireActor(c);
    const wanted = c.req.query("status") ?? "applied";
    const status = wanted in applicationTags ? (wanted as ApplicationStatus) : undefined;
    const role = c.req.query("role");
    const rows = await callForPage(c, listApplications, actor, {
      status: role ? undefined : status,
      opportunityId: role || undefined,
    });
    const back = c.req.url.replace(/^https?:\/\/[^/]+/, "");
    return renderPage(c, {
      title: `Volunteering applications`,
      errors,
      status: errors ? 422 : 200,
      notification: flashFrom(c, {
        approve: "Application approved.",
        decline: "Application declined.",
        place: "Volunteer placed in the role.",
        end: "Placement ended.",
      }),
      content: html`${volunteeringTabs(actor, "/volunteering/applications")}
        <h1 class="govuk-heading-l">Applications</h1>
        <form method="get" action="/volunteering/applications" novalidate>
          ${select({ name: "status", label: "Show applications that are", options: Object.entries(applicationTags).map(([value, [text]]) => ({ value, text })), value: status })}
          ${button({ text: "Show", variant: "secondary" })}</form>
        ${
          rows.length === 0
            ? html`<p class="govuk-body">No applications.</p>`
            : table({
                caption: `${rows.length} applications`,
                head: [
                  { text: "Volunteer" },
                  { text: "Role" },
                  { text: "Applied" },
                  { text: "Status" },
                  { text: "Action" },
                ],
                rows: rows.map((row) => [
                  html`<a class="govuk-link" href="/volunteering/volunteers/${row.volunteerId}">${row.name}</a>`,
                  html`<a class="govuk-link" href="/volunteering/roles/${row.opportunityId}">${row.title}</a>`,
                  formatDate(row.appliedAt),
                  html`${tag(...applicationTags[row.status])}${row.statusReason ? html`<br><span class="govuk-body-s">${row.statusReason}</span>` : ""}`,
                  html`${nextSteps[row.status].map(
                    ([
                      step,
                      text,
                    ]) => html`<form method="post" action="/volunteering/applications/${row.id}" novalidate>${csrfField(c)}
              <input type="hidden" name="step" value="${step}"><input type="hidden" name="back" value="${back}">
              ${step === "decline" ? textInput({ name: "reason", id: `reason-${row.id}-${step}`, label: "Reason for declining", classes: "govuk-!-width-full", error: errors?.[`reason-${row.id}`] }) : ""}
              ${button({ text, variant: step === "decline" || step === "end" ? "secondary" : "primary", classes: "govuk-!-margin-bottom-2" })}</form>`,
                  )}`,
                ]),
              })
        }`,
    });
  };

  app.get("/volunteering/applications", (c) => showApplications(c));

  app.post("/volunteering/applications/:id", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const step = form.step as ApplicationStep;
    const result = await attemptForForm(() =>
      callForPage(c, decideApplication, actor, c.req.param("id"), step, form.reason),
    );
    if (!result.ok)
      return showApplications(c, {
        [`reason-${c.req.param("id")}-${step}`]: `${result.problem.title}. ${result.problem.detail}`,
      });
    const back = form.back?.startsWith("/volunteering/applications")
      ? form.back
      : "/volunteering/applications";
    return c.redirect(
      `${back.replace(/[?&]done=[a-z]+/, "")}${back.includes("?") ? "&" : "?"}done=${step}`,
      303,
    );
  });

  const showReview = async (c: Context<AppEnv>, errors?: Record<string, string>) => {
    const actor = requireActor(c);
    const rows = await callForPage(c, hoursAwaitingReview, actor);
    return renderPage(c, {
      title: `Hours to verify`,
      errors,
      status: errors ? 422 : 200,
      notification: flashFrom(c, { verify: "Hours verified.", dispute: "Hours sent back to the volunteer." }),
      content: html`${volunteeringTabs(actor, "/volunteering/hours")}
        <h1 class="govuk-heading-l">Hours to verify</h1>
        ${
          rows.length === 0
            ? html`<p class="govuk-body">No hours are waiting.</p>`
            : html`
        <form method="post" action="/volunteering/hours" novalidate>${csrfField(c)}
          ${checkboxes({
            name: "hours",
            legend: {
              text: `${rows.length} entries waiting, oldest first`,
              classes: "govuk-fieldset__legend--s",
            },
            error: errors?.hours,
            items: rows.map((row) => ({
              value: row.id,
              text: `${row.name}: ${hoursText(row.minutes)} on ${formatDate(row.workedOn)} – ${row.title}`,
              hint: row.note ?? undefined,
            })),
          })}
          ${button({ text: "Verify selected hours", name: "decision", value: "verify" })}
          ${textarea({ name: "reason", label: "Or send the selected hours back", hint: "Say what is wrong, for example the session was 2 hours. The volunteer sees this.", rows: 2, error: errors?.reason })}
          ${button({ text: "Send back", name: "decision", value: "dispute", variant: "secondary" })}
        </form>`
        }`,
    });
  };

  app.get("/volunteering/hours", (c) => showReview(c));
  app.post("/volunteering/hours", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const ids = await readFormList(c, "hours");
    const decision = form.decision === "dispute" ? "dispute" : "verify";
    const result = await attemptForForm(() => callForPage(c, reviewHours, actor, ids, decision, form.reason));
    if (!result.ok) return showReview(c, result.errors);
    return c.redirect(`/volunteering/hours?done=${decision}`, 303);
  });

  const showAtRisk = async (c: Context<AppEnv>, errors?: Record<string, string>) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const setting = await atRiskWeeks(db, actor.organisationId);
    const asked = Number.parseInt(c.req.query("weeks") ?? "", 10);
    const weeks = Number.isInteger(asked) ? Math.min(52, Math.max(1, asked)) : setting;
    const rows = await volunteersAtRisk(db, actor, c.get("now"), weeks);
    return renderPage(c, {
      title: "Volunteers at risk of leaving",
      errors,
      status: errors ? 422 : 200,
      notification: flashFrom(c, { weeks: "Saved. The daily check uses the new number of weeks." }),
      content: html`${volunteeringTabs(actor, "/volunteering/at-risk")}
        <h1 class="govuk-heading-l">Volunteers at risk of leaving</h1>
        <p class="govuk-body">Every day Kith flags placed volunteers with no hours for ${setting} weeks and emails the coordinator who placed them.</p>
        <form method="get" action="/volunteering/at-risk" novalidate>
          ${textInput({ name: "weeks", label: "Weeks with no hours", value: String(weeks), width: 3, inputmode: "numeric" })}
          ${button({ text: "Show", variant: "secondary" })}</form>
        ${table({
          caption: `${rows.length} placed volunteers with no hours in ${weeks} weeks`,
          head: [{ text: "Volunteer" }, { text: "Roles" }, { text: "Last hours" }, { text: "Placed since" }],
          rows: rows.map((row) => [
            html`<a class="govuk-link" href="/volunteering/volunteers/${row.id}">${row.name}</a>`,
            row.roles,
            row.lastWorkedOn ? formatDate(row.lastWorkedOn) : "None yet",
            formatDate(row.placedSince),
          ]),
        })}
        ${
          canSetHourlyRate(actor)
            ? html`<form method="post" action="/volunteering/at-risk/weeks" novalidate>${csrfField(c)}
          <h2 class="govuk-heading-m">When to flag a volunteer</h2>
          ${textInput({ name: "weeks", id: "setting-weeks", label: "Weeks with no hours before the daily check flags a volunteer", hint: "Between 1 and 52", value: String(setting), width: 3, inputmode: "numeric", error: errors?.["setting-weeks"] })}
          ${button({ text: "Save", variant: "secondary" })}</form>`
            : ""
        }`,
    });
  };
  app.get("/volunteering/at-risk", (c) => showAtRisk(c));
  app.post("/volunteering/at-risk/weeks", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, setAtRiskWeeks, actor, form));
    if (!result.ok)
      return showAtRisk(c, { "setting-weeks": result.errors.weeks ?? "Enter a number of weeks" });
    return c.redirect("/volunteering/at-risk?done=weeks", 303);
  });

  return app;
}
