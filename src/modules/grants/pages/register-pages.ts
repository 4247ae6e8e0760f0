import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { getOrganisation } from "../../../platform/access/organisations.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { type FieldErrors, notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatPence,
  html,
  pagination,
  summaryList,
  table,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { saveRegisterSettings } from "../commands/register-settings.ts";
import { canChangeSettings, canViewGrants } from "../policy.ts";
import { openProgrammes, publicRegisterPage } from "../queries/public-register.ts";
import {
  describeIssues,
  newRegisterReport,
  type RegisterFormat,
  type RegisterReport,
  registerChunks,
} from "../register/export-register.ts";
import { loadRegisterSettings, organisationIdBySlug, type RegisterSettings } from "../register/settings.ts";
import { formError, money, staffNav } from "./page-helpers.ts";

const pageSize = 50;

const downloads: { file: string; format: RegisterFormat; type: string; text: string }[] = [
  { file: "360giving.json", format: "360giving-json", type: "application/json", text: "360Giving JSON" },
  { file: "360giving.csv", format: "360giving-csv", type: "text/csv", text: "360Giving CSV" },
  { file: "transparency.csv", format: "transparency-csv", type: "text/csv", text: "Transparency Code CSV" },
];

function stream(
  c: Context<AppEnv>,
  organisationId: string,
  format: RegisterFormat,
  contentType: string,
  filename: string,
): Response {
  // Without a register address in the settings, each grant names this download as its source.
  const chunks = registerChunks(c.get("services").database.db, organisationId, format, newRegisterReport(), {
    now: c.get("now"),
    sourceUrl: c.req.url,
  });
  const body = ReadableStream.from(chunks).pipeThrough(new TextEncoderStream());
  return c.body(body, 200, {
    "Content-Type": `${contentType}; charset=utf-8`,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "public, max-age=300",
  });
}

export function registerPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/grants/public/:slug", async (c) => {
    const db = c.get("services").database.db;
    const organisationId = await organisationIdBySlug(db, c.req.param("slug"));
    const organisation = await getOrganisation(db, organisationId);
    const programmes = await openProgrammes(db, organisationId, c.get("now"));
    return renderPage(c, {
      title: `Grants from ${organisation?.name ?? ""}`,
      content: html`<h1 class="govuk-heading-xl">Grants from ${organisation?.name ?? ""}</h1>
        <p class="govuk-body-l">Community groups, charities and social enterprises can apply for funding for projects in our neighbourhoods.</p>
        ${programmes.length === 0 ? html`<p class="govuk-body">No grant programmes are open at the moment.</p>` : ""}
        ${programmes.map(
          (programme) => html`<h2 class="govuk-heading-m">${programme.title}</h2>
            <p class="govuk-body">${programme.description}</p>
            ${summaryList([
              { key: "Grants of up to", value: money(programme.maxAwardPence) },
              { key: "Closing date", value: formatDate(programme.closesOn) },
              {
                key: "Who can apply",
                value: html`<ul class="govuk-list">${programme.eligibilityQuestions.map((q) => html`<li>${q.failureReason}</li>`)}</ul>`,
              },
            ])}`,
        )}
        ${programmes.length > 0 ? html`<p class="govuk-body">You will need to sign in with your organisation's account. You can save your application and come back to it.</p>${button({ text: "Start now", href: "/grants/apply", isStartButton: true })}` : ""}
        <h2 class="govuk-heading-m">Grants we have made</h2>
        <p class="govuk-body"><a class="govuk-link" href="/grants/public/${c.req.param("slug")}/register">See the grants register</a>, published under the Local Government Transparency Code and the 360Giving Data Standard.</p>`,
    });
  });

  app.get("/grants/public/:slug/register", async (c) => {
    const db = c.get("services").database.db;
    const slug = c.req.param("slug");
    const organisationId = await organisationIdBySlug(db, slug);
    const organisation = await getOrganisation(db, organisationId);
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const { grants, total, totalAwardedPence } = await publicRegisterPage(db, organisationId, page, pageSize);
    return renderPage(c, {
      title: `Grants register – ${organisation?.name ?? ""}`,
      fullWidth: true,
      content: html`<h1 class="govuk-heading-xl">Grants register</h1>
        <p class="govuk-body-l">${organisation?.name ?? ""} has made ${total} grants worth ${formatPence(totalAwardedPence)}.</p>
        <h2 class="govuk-heading-m">Download the register</h2>
        <ul class="govuk-list">${downloads.map((d) => html`<li><a class="govuk-link" href="/grants/public/${slug}/register/${d.file}" download>${d.text}</a></li>`)}</ul>
        <p class="govuk-body-s">Open data under the Open Government Licence v3.0. The 360Giving files follow the 360Giving Data Standard.</p>
        ${table({
          caption: "Grants",
          captionClasses: "govuk-table__caption--m",
          head: [
            { text: "Awarded" },
            { text: "Recipient" },
            { text: "Purpose" },
            { text: "Period" },
            { text: "Route" },
            { text: "Amount", numeric: true },
          ],
          rows: grants.map((g) => [
            g.awardDate ? formatDate(g.awardDate) : "",
            g.recipientName,
            g.title,
            `${formatDate(g.startDate)} to ${formatDate(g.endDate)}`,
            g.route === "direct-award" ? "Direct award" : "Open call",
            { content: formatPence(g.amountAwardedPence), numeric: true },
          ]),
        })}
        ${pagination({ currentPage: page, totalPages: Math.max(1, Math.ceil(total / pageSize)), href: (p) => `/grants/public/${slug}/register?page=${p}` })}`,
    });
  });

  for (const download of downloads) {
    app.get(`/grants/public/:slug/register/${download.file}`, async (c) => {
      const db = c.get("services").database.db;
      const organisationId = await organisationIdBySlug(db, c.req.param("slug"));
      // A 360Giving file must hold at least one grant: with none published there is no file yet.
      if ((await publicRegisterPage(db, organisationId, 1, 1)).total === 0)
        throw notFound("No grants published yet", "This organisation has not published any grants yet.");
      return stream(c, organisationId, download.format, download.type, download.file);
    });
  }

  app.get("/grants/manage/register", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewGrants(actor), "Only staff can see the register report.");
    const db = c.get("services").database.db;
    const organisation = await getOrganisation(db, actor.organisationId);
    const report = newRegisterReport();
    for await (const _chunk of registerChunks(db, actor.organisationId, "360giving-json", report, {
      now: c.get("now"),
    })) {
      // Only the report is wanted here; the text is discarded.
    }
    const issues = describeIssues(report);
    return registerStaffPage(
      c,
      actor,
      organisation?.slug ?? "",
      report,
      issues,
      await loadRegisterSettings(db, actor.organisationId),
    );
  });

  app.post("/grants/manage/register/settings", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const db = c.get("services").database.db;
    const result = await attemptForForm(() =>
      saveRegisterSettings(db, actor, c.get("now"), {
        idPrefix: form.idPrefix ?? "",
        department: form.department ?? "",
        registerUrl: form.registerUrl,
      }),
    );
    if (result.ok) return c.redirect("/grants/manage/register?done=settings", 303);
    const organisation = await getOrganisation(db, actor.organisationId);
    const report = newRegisterReport();
    for await (const _chunk of registerChunks(db, actor.organisationId, "360giving-json", report, {
      now: c.get("now"),
    })) {
      // Only the report is wanted.
    }
    return registerStaffPage(
      c,
      actor,
      organisation?.slug ?? "",
      report,
      describeIssues(report),
      await loadRegisterSettings(db, actor.organisationId),
      { values: form, errors: result.errors, status: result.status },
    );
  });

  return app;
}

function registerStaffPage(
  c: Context<AppEnv>,
  actor: Actor,
  slug: string,
  report: RegisterReport,
  issues: string[],
  settings: RegisterSettings,
  failed?: { values: Record<string, string>; errors: FieldErrors; status: FormErrorStatus },
): Response {
  const values = failed?.values ?? {
    idPrefix: settings.prefix,
    department: settings.department,
    registerUrl: settings.registerUrl ?? "",
  };
  const errors = failed?.errors ?? {};
  return renderPage(c, {
    title: "Grants register",
    errors,
    status: failed?.status ?? 200,
    notification: flashFrom(c, { settings: "Register settings saved" }),
    content: html`${staffNav("register")}<h1 class="govuk-heading-l">Grants register</h1>
      ${summaryList([
        { key: "Published grants", value: String(report.grants) },
        { key: "Total awarded", value: formatPence(report.totalAwardedPence) },
        {
          key: "Public page",
          value: html`<a class="govuk-link" href="/grants/public/${slug}/register">/grants/public/${slug}/register</a>`,
        },
      ])}
      <h2 class="govuk-heading-m">Data quality</h2>
      ${
        issues.length === 0
          ? html`<p class="govuk-body">Every grant exports with valid identifiers.</p>`
          : html`${warningText(`${issues.length} thing${issues.length === 1 ? "" : "s"} to fix. These grants are published without the identifier concerned, never with an invalid one.`)}
            <ul class="govuk-list govuk-list--bullet">${issues.map((issue) => html`<li>${issue}</li>`)}</ul>`
      }
      <h2 class="govuk-heading-m">Register settings</h2>
      ${
        canChangeSettings(actor)
          ? html`${formError(errors)}<form method="post" action="/grants/manage/register/settings" novalidate>${csrfField(c)}
            ${textInput({ name: "idPrefix", label: "360Giving identifier prefix", hint: "The prefix 360Giving issued to you, like 360G-wmh. Every grant identifier starts with it.", value: values.idPrefix, error: errors.idPrefix, width: 20, spellcheck: false })}
            ${textInput({ name: "department", label: "Awarding department", hint: "Published as the department that awards grants (Transparency Code)", value: values.department, error: errors.department })}
            ${textInput({ name: "registerUrl", label: "Register web address (optional)", hint: "Published as each grant's data source", value: values.registerUrl, error: errors.registerUrl, type: "url", spellcheck: false })}
            ${button({ text: "Save settings", variant: "secondary" })}</form>`
          : summaryList([
              { key: "Identifier prefix", value: settings.prefix },
              { key: "Awarding department", value: settings.department },
            ])
      }`,
  });
}
