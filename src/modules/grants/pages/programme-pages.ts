import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { forbidden } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatPence,
  formatPercent,
  html,
  progressBar,
  summaryList,
  table,
  tag,
} from "../../../platform/ui/index.ts";
import { listFrameworkOutcomes } from "../../investment/index.ts";
import { createProgramme } from "../commands/create-programme.ts";
import { canManageProgrammes } from "../policy.ts";
import { applicationsToProcess, grantsOverview, recentReminders } from "../queries/list-grants.ts";
import { getProgrammeWithApplications, listProgrammes } from "../queries/programmes.ts";
import { formatScore } from "../rules.ts";
import { applicationTag, money, staffNav } from "./page-helpers.ts";
import { formErrorsFromCommand, programmeForm, programmeInputFromForm } from "./programme-form.ts";

export function programmePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/grants/manage", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const overview = await grantsOverview(db, actor, c.get("now"));
    const programmes = await listProgrammes(db, actor);
    const waiting = await applicationsToProcess(db, actor);
    const reminders = await recentReminders(db, actor);
    return renderPage(c, {
      title: "Grants",
      content: html`${staffNav("overview")}<h1 class="govuk-heading-xl">Grants</h1>
        ${summaryList([
          { key: "Active grants", value: String(overview.activeGrants) },
          { key: "Awarded (all approved grants)", value: formatPence(overview.awardedPence) },
          { key: "Paid to date", value: formatPence(overview.paidPence) },
          {
            key: "Direct awards awaiting approval",
            value: overview.awaitingApproval
              ? html`<a class="govuk-link" href="/grants/manage/grants?status=proposed">${overview.awaitingApproval}</a>`
              : "0",
          },
          { key: "Payments due now", value: String(overview.paymentsDue) },
          {
            key: "Payments held (monitoring overdue)",
            value: overview.heldPayments ? tag(String(overview.heldPayments), "red") : "0",
          },
          {
            key: "Monitoring returns overdue",
            value: overview.overdueReturns ? tag(String(overview.overdueReturns), "red") : "0",
          },
        ])}
        <h2 class="govuk-heading-m">Applications to assess or decide</h2>
        ${
          waiting.length === 0
            ? html`<p class="govuk-body">None waiting.</p>`
            : table({
                caption: "Applications to assess or decide",
                captionClasses: "govuk-visually-hidden",
                head: [
                  { text: "Reference" },
                  { text: "Programme" },
                  { text: "Organisation" },
                  { text: "Project" },
                  { text: "Status" },
                ],
                rows: waiting.map((a) => [
                  html`<a class="govuk-link" href="/grants/manage/applications/${a.id}">${a.reference}</a>`,
                  a.programmeTitle,
                  a.organisationName ?? "",
                  a.projectTitle ?? "",
                  applicationTag(a.status),
                ]),
              })
        }
        <h2 class="govuk-heading-m">Latest reminders</h2>
        ${
          reminders.length === 0
            ? html`<p class="govuk-body">No reminders yet. The daily job raises them before monitoring returns and notice deadlines fall due.</p>`
            : html`<ul class="govuk-list govuk-list--bullet">${reminders.map((r) => html`<li><a class="govuk-link" href="/grants/manage/grants/${r.grantId}">${r.message}</a></li>`)}</ul>`
        }
        <h2 class="govuk-heading-m">Programme budgets</h2>
        ${programmes.map((programme) =>
          progressBar({
            id: `budget-${programme.code}`,
            label: `${programme.title}: budget committed`,
            value: programme.committedPence,
            target: programme.budgetPence,
            formatValue: (v) => formatPence(v),
          }),
        )}`,
    });
  });

  app.get("/grants/manage/programmes", async (c) => {
    const actor = requireActor(c);
    const programmes = await listProgrammes(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Grant programmes",
      notification: flashFrom(c, { created: "Programme created" }),
      content: html`${staffNav("programmes")}<h1 class="govuk-heading-l">Grant programmes</h1>
        ${canManageProgrammes(actor) ? button({ text: "Set up a programme", href: "/grants/manage/programmes/new", variant: "secondary" }) : ""}
        ${table({
          caption: "Programmes",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Programme" },
            { text: "Type" },
            { text: "Open" },
            { text: "Budget", numeric: true },
            { text: "Committed", numeric: true },
            { text: "Applications", numeric: true },
            { text: "Awarded", numeric: true },
          ],
          rows: programmes.map((p) => [
            html`<a class="govuk-link" href="/grants/manage/programmes/${p.id}">${p.title}</a><br><span class="govuk-body-s">${p.code}</span>`,
            p.grantType === "strategic" ? "Strategic" : "Innovation",
            `${formatDate(p.opensOn)} to ${formatDate(p.closesOn)}`,
            { content: formatPence(p.budgetPence), numeric: true },
            {
              content: `${formatPence(p.committedPence)} (${formatPercent(p.committedPence / p.budgetPence, 0)})`,
              numeric: true,
            },
            { content: p.applications, numeric: true },
            { content: p.awarded, numeric: true },
          ]),
        })}`,
    });
  });

  app.get("/grants/manage/programmes/new", async (c) => {
    const actor = requireActor(c);
    if (!canManageProgrammes(actor)) throw forbidden("Only managers can set up grant programmes.");
    return programmeForm(c, {}, await listFrameworkOutcomes(c.get("services").database.db, actor));
  });

  app.post("/grants/manage/programmes/new", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const { input, errors } = programmeInputFromForm(form);
    const framework = await listFrameworkOutcomes(c.get("services").database.db, actor);
    if (Object.keys(errors).length > 0) return programmeForm(c, form, framework, errors, 422);
    const result = await attemptForForm(() =>
      createProgramme(c.get("services").database.db, actor, c.get("now"), input),
    );
    if (!result.ok)
      return programmeForm(c, form, framework, formErrorsFromCommand(result.errors), result.status);
    return c.redirect(`/grants/manage/programmes/${result.value.id}?done=created`, 303);
  });

  app.get("/grants/manage/programmes/:id", async (c) => {
    const actor = requireActor(c);
    const { programme, applications } = await getProgrammeWithApplications(
      c.get("services").database.db,
      actor,
      c.req.param("id"),
    );
    return renderPage(c, {
      title: programme.title,
      notification: flashFrom(c, { created: "Programme created" }),
      breadcrumbs: [
        { href: "/grants/manage", text: "Grants" },
        { href: "/grants/manage/programmes", text: "Programmes" },
      ],
      content: html`<span class="govuk-caption-l">${programme.code}</span><h1 class="govuk-heading-l">${programme.title}</h1>
        <p class="govuk-body">${programme.description}</p>
        ${summaryList([
          { key: "Type", value: programme.grantType === "strategic" ? "Strategic" : "Innovation" },
          { key: "Budget", value: money(programme.budgetPence) },
          { key: "Largest award", value: money(programme.maxAwardPence) },
          {
            key: "Open for applications",
            value: `${formatDate(programme.opensOn)} to ${formatDate(programme.closesOn)}`,
          },
          {
            key: "Eligibility questions",
            value: html`<ul class="govuk-list">${programme.eligibilityQuestions.map((q) => html`<li>${q.question} (eligible answer: ${q.expected})</li>`)}</ul>`,
          },
          {
            key: "Scoring criteria",
            value: html`<ul class="govuk-list">${programme.scoringCriteria.map((s) => html`<li>${s.name}: weight ${s.weight}</li>`)}</ul>`,
          },
          {
            key: "Outcomes funded",
            value: html`<ul class="govuk-list">${programme.outcomes.map((o) => html`<li>${o.code}: ${o.title}${o.frameworkTheme ? html` <span class="govuk-hint govuk-!-display-inline">(outcome framework: ${o.frameworkTheme})</span>` : ""}</li>`)}</ul>`,
          },
        ])}
        <h2 class="govuk-heading-m">Applications</h2>
        ${
          applications.length === 0
            ? html`<p class="govuk-body">No applications have been sent yet.</p>`
            : table({
                caption: "Applications",
                captionClasses: "govuk-visually-hidden",
                head: [
                  { text: "Reference" },
                  { text: "Organisation" },
                  { text: "Project" },
                  { text: "Requested", numeric: true },
                  { text: "Moderated score", numeric: true },
                  { text: "Status" },
                ],
                rows: applications.map((a) => [
                  html`<a class="govuk-link" href="/grants/manage/applications/${a.id}">${a.reference}</a>`,
                  a.organisationName ?? "",
                  a.projectTitle ?? "",
                  { content: money(a.amountRequestedPence), numeric: true },
                  { content: formatScore(a.moderatedScoreBp), numeric: true },
                  applicationTag(a.status),
                ]),
              })
        }`,
    });
  });

  return app;
}
