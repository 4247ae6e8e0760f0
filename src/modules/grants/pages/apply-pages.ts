import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { forbidden } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDate, html, insetText, panel, table, taskList } from "../../../platform/ui/index.ts";
import { listApplicationDocuments } from "../commands/application-documents.ts";
import { applicationSections, completedSections, sectionTitles } from "../commands/application-sections.ts";
import {
  loadOwnApplication,
  saveApplicationSection,
  startApplication,
  submitApplication,
} from "../commands/applications.ts";
import { budgetMismatch, listBudgetLines } from "../commands/budget-lines.ts";
import { listApplicationReturns } from "../commands/return-application.ts";
import { canApply } from "../policy.ts";
import { applicantHome } from "../queries/applicant-home.ts";
import { listRecipientGrants } from "../queries/recipient-grants.ts";
import type { GrantApplication } from "../schema.ts";
import { applicationTag, grantStatusTag, money } from "./page-helpers.ts";

function requireApplicant(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  if (!canApply(actor))
    throw forbidden(
      "Sign in with your organisation's community group or partner account to apply for a grant.",
    );
  return actor;
}

/** The signed-in applicant and their own application named by the `:id` in the path. */
async function ownApplicationOf(c: Context<AppEnv>) {
  const actor = requireApplicant(c);
  return {
    actor,
    ...(await loadOwnApplication(c.get("services").database.db, actor, c.req.param("id") ?? "")),
  };
}

import { base, checkPage, isSection, sectionForm, storedValues } from "./apply-forms.ts";

async function budgetAndDocuments(c: Context<AppEnv>, application: GrantApplication) {
  const db = c.get("services").database.db;
  return {
    lines: await listBudgetLines(db, application.organisationId, application.id),
    documents: await listApplicationDocuments(db, application.organisationId, application.id),
  };
}

export function applyPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/grants/apply", async (c) => {
    const actor = requireApplicant(c);
    const db = c.get("services").database.db;
    const { openProgrammes: programmes, applications: mine } = await applicantHome(db, actor, c.get("now"));
    const grants = await listRecipientGrants(db, actor);
    return renderPage(c, {
      title: "Apply for a grant",
      content: html`<h1 class="govuk-heading-xl">Apply for a grant</h1>
        <h2 class="govuk-heading-m">Open programmes</h2>
        ${programmes.length === 0 ? html`<p class="govuk-body">No programmes are open at the moment.</p>` : ""}
        ${programmes.map(
          (
            programme,
          ) => html`<div class="govuk-!-margin-bottom-6"><h3 class="govuk-heading-s">${programme.title}</h3>
            <p class="govuk-body">${programme.description}</p>
            <p class="govuk-body">Grants of up to ${money(programme.maxAwardPence)}. Closes ${formatDate(programme.closesOn)}.</p>
            <form method="post" action="/grants/apply/${programme.id}/start" novalidate>${csrfField(c)}${button({ text: `Start an application to ${programme.title}`, isStartButton: true })}</form></div>`,
        )}
        ${
          grants.length > 0
            ? html`<h2 class="govuk-heading-m">Your grants</h2>
              ${table({
                caption: "Your grants",
                captionClasses: "govuk-visually-hidden",
                head: [
                  { text: "Grant" },
                  { text: "Amount", numeric: true },
                  { text: "Period" },
                  { text: "Status" },
                ],
                rows: grants.map((g) => [
                  html`<a class="govuk-link" href="/grants/apply/grants/${g.id}">${g.title}</a>`,
                  { content: money(g.amountAwardedPence), numeric: true },
                  `${formatDate(g.startDate)} to ${formatDate(g.endDate)}`,
                  grantStatusTag(g.status),
                ]),
              })}`
            : ""
        }
        <h2 class="govuk-heading-m">Your applications</h2>
        ${
          mine.length === 0
            ? html`<p class="govuk-body">You have not started any applications.</p>`
            : table({
                caption: "Your applications",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Reference" }, { text: "Programme" }, { text: "Project" }, { text: "Status" }],
                rows: mine.map(({ application, programmeTitle }) => [
                  html`<a class="govuk-link" href="${base(application.id)}">${application.reference}</a>`,
                  programmeTitle,
                  application.projectTitle ?? "Not given yet",
                  applicationTag(application.status),
                ]),
              })
        }`,
    });
  });

  app.post("/grants/apply/:programmeId/start", async (c) => {
    const actor = requireApplicant(c);
    const application = await callForPage(c, startApplication, actor, c.req.param("programmeId"));
    return c.redirect(base(application.id), 303);
  });

  app.get("/grants/apply/applications/:id", async (c) => {
    const { actor, application, programme } = await ownApplicationOf(c);
    if (application.status !== "draft") return c.redirect(`${base(application.id)}/confirmation`, 303);
    const complete = completedSections(programme, application);
    const ready = applicationSections.every((section) => complete[section]);
    const db = c.get("services").database.db;
    const returned = (await listApplicationReturns(db, actor.organisationId, application.id)).find(
      (r) => r.resubmittedAt === null,
    );
    const lines = await listBudgetLines(db, actor.organisationId, application.id);
    const documents = await listApplicationDocuments(db, actor.organisationId, application.id);
    const budgetStatus =
      lines.length === 0
        ? html`<strong class="govuk-tag govuk-tag--grey">Not started</strong>`
        : budgetMismatch(application, lines)
          ? html`<strong class="govuk-tag govuk-tag--red">Does not add up</strong>`
          : "Completed";
    return renderPage(c, {
      title: `Your application – ${programme.title}`,
      backLink: "/grants/apply",
      content: html`<span class="govuk-caption-l">${programme.title}</span>
        <h1 class="govuk-heading-l">Your application</h1>
        ${returned ? insetText(`We returned your application for changes: ${returned.reason} Change your answers, then check them and send the application again.`) : ""}
        <p class="govuk-body">Your reference is <strong>${application.reference}</strong>. Your answers are saved as you go: you can sign out and come back to this application later from <a class="govuk-link" href="/grants/apply">Apply for a grant</a>.</p>
        ${taskList(applicationSections.map((section) => ({ title: sectionTitles[section], href: `${base(application.id)}/${section}`, status: complete[section] ? "Completed" : html`<strong class="govuk-tag govuk-tag--blue">Incomplete</strong>` })))}
        <h2 class="govuk-heading-m">Budget and documents</h2>
        ${taskList(
          [
            {
              title: "Budget",
              href: `${base(application.id)}/budget`,
              hint: "What the money is for, line by line",
              status: budgetStatus,
            },
            {
              title: "Supporting documents",
              href: `${base(application.id)}/documents`,
              status:
                documents.length === 0
                  ? html`<strong class="govuk-tag govuk-tag--grey">None uploaded</strong>`
                  : `${documents.length} uploaded`,
            },
          ],
          "budget-documents",
        )}
        ${ready ? button({ text: "Check your answers", href: `${base(application.id)}/check` }) : html`<p class="govuk-body">Complete every section, then check your answers and send the application.</p>`}`,
    });
  });

  app.get("/grants/apply/applications/:id/check", async (c) => {
    const { application, programme } = await ownApplicationOf(c);
    if (application.status !== "draft") return c.redirect(`${base(application.id)}/confirmation`, 303);
    return checkPage(c, programme, application, await budgetAndDocuments(c, application));
  });

  app.post("/grants/apply/applications/:id/check", async (c) => {
    const actor = requireApplicant(c);
    const db = c.get("services").database.db;
    const result = await attemptForForm(() => submitApplication(db, actor, c.get("now"), c.req.param("id")));
    if (result.ok) return c.redirect(`${base(result.value.id)}/confirmation`, 303);
    const { application, programme } = await loadOwnApplication(db, actor, c.req.param("id"));
    return checkPage(
      c,
      programme,
      application,
      await budgetAndDocuments(c, application),
      result.errors,
      result.status,
    );
  });

  app.get("/grants/apply/applications/:id/confirmation", async (c) => {
    const { application, programme } = await ownApplicationOf(c);
    if (application.status === "draft") return c.redirect(base(application.id), 303);
    return renderPage(c, {
      title: "Application sent",
      content: html`${panel({ title: "Application sent", body: html`Your reference number<br><strong>${application.reference}</strong>` })}
        ${
          application.status === "ineligible"
            ? html`<h2 class="govuk-heading-m">Your organisation is not eligible for this programme</h2><p class="govuk-body">Because of your answers to the eligibility questions:</p>
            <ul class="govuk-list govuk-list--bullet">${application.eligibilityReasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
            : html`<h2 class="govuk-heading-m">What happens next</h2>
            <p class="govuk-body">Assessors will score your application against the published criteria for ${programme.title}. We will tell you the decision, with our reasons, by email to ${application.contactEmail ?? "your contact"}.</p>`
        }
        <p class="govuk-body">Status: ${applicationTag(application.status)}</p>
        ${application.decisionReason ? html`<p class="govuk-body">Decision: ${application.decisionReason}</p>` : ""}
        <p class="govuk-body"><a class="govuk-link" href="/grants/apply">Back to your applications</a></p>`,
    });
  });

  app.get("/grants/apply/applications/:id/:section", async (c) => {
    const section = c.req.param("section");
    const { application, programme } = await ownApplicationOf(c);
    if (!isSection(section) || application.status !== "draft") return c.redirect(base(application.id), 303);
    return sectionForm(c, programme, application, section, storedValues(application, section));
  });

  app.post("/grants/apply/applications/:id/:section", async (c) => {
    const actor = requireApplicant(c);
    const db = c.get("services").database.db;
    const section = c.req.param("section");
    const { application, programme } = await loadOwnApplication(db, actor, c.req.param("id"));
    if (!isSection(section)) return c.redirect(base(application.id), 303);
    const form = await readForm(c);
    const values: Record<string, string | string[]> = { ...form };
    if (section === "project") values.outcomeCodes = await readFormList(c, "outcomeCodes");
    const result = await attemptForForm(() =>
      saveApplicationSection(db, actor, c.get("now"), application.id, section, values),
    );
    if (!result.ok)
      return sectionForm(c, programme, application, section, values, result.errors, result.status);
    const next = applicationSections[applicationSections.indexOf(section) + 1];
    const complete = completedSections(programme, result.value);
    return c.redirect(
      next && !complete[next]
        ? `${base(application.id)}/${next}`
        : applicationSections.every((s) => complete[s])
          ? `${base(application.id)}/check`
          : base(application.id),
      303,
    );
  });

  return app;
}
