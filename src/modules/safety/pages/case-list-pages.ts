import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  html,
  radios,
  select,
  table,
  tag,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { triageReport } from "../commands/triage-report.ts";
import { partyRoleNames } from "../domain/categories.ts";
import { cachedSafetyConfiguration, categoryLabel } from "../domain/configuration.ts";
import { getPendingReport, listPendingReports } from "../queries/list-cases.ts";
import { personSafetyHistory } from "../queries/person-history.ts";
import { relatedOpenCases } from "../queries/repeats.ts";
import { getPendingReportEvidence, pendingReportEvidence } from "../queries/report-evidence.ts";
import { attempt, csrfField, documentDownload, requireCaseWorker, safetyNav } from "./common.ts";

export function caseListPages(app: Hono<AppEnv>): void {
  app.get("/safety/pending", async (c) => {
    const actor = requireCaseWorker(c);
    const reports = await listPendingReports(c.get("services").database.db, actor);
    const configuration = await cachedSafetyConfiguration(
      c.get("services").database.db,
      actor.organisationId,
    );
    return renderPage(c, {
      title: "Pending reports",
      fullWidth: true,
      notification: flashFrom(c, { triaged: "The report has been triaged." }),
      content: html`${safetyNav("/safety/pending")}<h1 class="govuk-heading-l">Pending reports</h1>
        <p class="govuk-body">Reports from the tenant portal and partner agencies wait here until an officer opens a case, attaches them to an open case, or closes them as not ASB.</p>
        ${table({
          caption: `${reports.length} waiting`,
          head: [{ text: "Received" }, { text: "What" }, { text: "From" }, { text: "Happened" }],
          rows: reports.map((r) => [
            html`<a class="govuk-link" href="/safety/pending/${r.id}">${formatDate(r.createdAt)}</a>`,
            categoryLabel(configuration, r.category),
            r.source === "api" ? "Partner agency" : r.source === "portal" ? "Tenant portal" : "Officer",
            formatDate(r.reportedOn),
          ]),
        })}`,
    });
  });

  const triagePage = async (
    c: Context<AppEnv>,
    reportId: string,
    values: Record<string, string>,
    errors: FieldErrors = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const actor = requireCaseWorker(c);
    const db = c.get("services").database.db;
    const report = await getPendingReport(db, actor, reportId);
    if (!report) throw notFound("Report not found", "It may have been triaged already.");
    const configuration = await cachedSafetyConfiguration(
      c.get("services").database.db,
      actor.organisationId,
    );
    const evidence = await pendingReportEvidence(db, actor, report.id);
    const related = await relatedOpenCases(db, actor, {
      homeId: report.homeId,
      blockName: report.blockName,
      personKeys: report.reporterPersonId ? [report.reporterPersonId] : [],
    });
    return renderPage(c, {
      title: "Triage a report",
      errors,
      status,
      backLink: "/safety/pending",
      content: html`<h1 class="govuk-heading-l">Triage a report</h1>
        ${table({
          caption: "The report",
          head: [{ text: "Field" }, { text: "Value" }],
          rows: [
            ["Reference", report.reference ?? "None given"],
            ["What", categoryLabel(configuration, report.category)],
            ["Happened on", formatDate(report.reportedOn)],
            ["Where", report.locationDescription ?? report.blockName ?? "At the reporter's home"],
            ["Reported by", report.reporterName ?? "Not given"],
            ["What happened", report.description ?? ""],
          ],
        })}
        <h2 class="govuk-heading-m">Evidence sent with the report</h2>
        ${
          evidence.length === 0
            ? html`<p class="govuk-body">No files were sent with this report.</p>`
            : html`<ul class="govuk-list">${evidence.map((d) => html`<li><a class="govuk-link" href="/safety/pending/${report.id}/evidence/${d.id}">${d.fileName}</a> (${Math.ceil(d.sizeBytes / 1024)} KB)</li>`)}</ul>`
        }
        <h2 class="govuk-heading-m">Possibly related open cases</h2>
        ${
          related.length === 0
            ? html`<p class="govuk-body">No open cases at the same address, block or with the same people.</p>`
            : table({
                caption: "Related cases",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Case" }, { text: "Opened" }, { text: "Why it may be related" }],
                rows: related.map((r) => [
                  html`<a class="govuk-link" href="/safety/cases/${r.id}">${r.reference}</a>`,
                  formatDate(r.openedOn),
                  r.reasons.join(", "),
                ]),
              })
        }
        <form method="post" action="/safety/pending/${report.id}" novalidate>${csrfField(c)}
          ${radios({
            name: "decision",
            legend: { text: "What do you want to do?", classes: "govuk-fieldset__legend--m" },
            value: values.decision,
            error: errors.decision ?? errors.form,
            items: [
              { value: "open-case", text: "Open a new case" },
              {
                value: "attach",
                text: "Attach it to an open case",
                hint: "A further report about the same matter: not a new case",
              },
              { value: "not-asb", text: "Close it as not ASB" },
            ],
          })}
          ${select({ name: "caseId", label: "Open case to attach it to", value: values.caseId, error: errors.caseId, options: [{ value: "", text: "Choose a case" }, ...related.map((r) => ({ value: r.id, text: `${r.reference} (${r.reasons.join(", ")})` }))] })}
          ${textInput({ name: "perpetratorName", label: "Alleged perpetrator's name, if known (for a new case)", value: values.perpetratorName, error: errors["parties.1.name"] })}
          ${textarea({ name: "reason", label: "Why it is not ASB (to close it)", value: values.reason, error: errors.reason, rows: 3 })}
          ${button({ text: "Save decision" })}
        </form>`,
    });
  };

  app.get("/safety/pending/:id", (c) => triagePage(c, c.req.param("id"), {}));
  app.get("/safety/pending/:id/evidence/:documentId", async (c) => {
    const actor = requireCaseWorker(c);
    const document = await callForPage(
      c,
      getPendingReportEvidence,
      actor,
      c.req.param("id"),
      c.req.param("documentId"),
    );
    return documentDownload(c, document);
  });
  app.post("/safety/pending/:id", async (c) => {
    const actor = requireCaseWorker(c);
    const values = await readForm(c);
    const reportId = c.req.param("id");
    const decision = values.decision;
    if (decision !== "open-case" && decision !== "attach" && decision !== "not-asb") {
      return triagePage(c, reportId, values, { decision: "Choose what to do with the report" }, 422);
    }
    if (decision === "attach" && !values.caseId)
      return triagePage(c, reportId, values, { caseId: "Choose the case to attach it to" }, 422);
    const result = await attempt(
      () =>
        callForPage(
          c,
          triageReport,
          actor,
          reportId,
          decision === "attach"
            ? { decision, caseId: values.caseId ?? "" }
            : decision === "not-asb"
              ? { decision, reason: values.reason ?? "" }
              : {
                  decision,
                  case: {
                    parties: values.perpetratorName
                      ? [{ role: "alleged-perpetrator", name: values.perpetratorName }]
                      : [],
                  },
                },
        ),
      (errors) => triagePage(c, reportId, values, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(
      result.caseId ? `/safety/cases/${result.caseId}?done=triaged` : "/safety/pending?done=triaged",
      303,
    );
  });
}

export function personHistoryPage(app: Hono<AppEnv>): void {
  app.get("/safety/people/:key", async (c) => {
    const actor = requireCaseWorker(c);
    const history = await callForPage(c, personSafetyHistory, actor, c.req.param("key"));
    const configuration = await cachedSafetyConfiguration(
      c.get("services").database.db,
      actor.organisationId,
    );
    return renderPage(c, {
      title: `Community safety history: ${history.name}`,
      fullWidth: true,
      breadcrumbs: [{ href: "/safety", text: "Community safety" }],
      content: html`<h1 class="govuk-heading-l">${history.name}</h1>
        <p class="govuk-body">${history.repeatVictim ? tag("Repeat victim", "purple") : ""} ${history.repeatPerpetrator ? tag("Repeat perpetrator", "red") : ""}
          ${history.incidents.victim} incidents as complainant and ${history.incidents.perpetrator} as alleged perpetrator in the last ${history.window.months} months (repeat from ${history.window.minIncidents}).</p>
        ${isUuidKey(history.key) ? html`<p class="govuk-body"><a class="govuk-link" href="/safety/subject-access/${history.key}">Download a subject access export (managers)</a></p>` : ""}
        ${table({
          caption: "Cases",
          head: [
            { text: "Case" },
            { text: "Role" },
            { text: "Category" },
            { text: "Opened" },
            { text: "Closed" },
          ],
          rows: history.cases.map((item) => [
            html`<a class="govuk-link" href="/safety/cases/${item.id}">${item.reference}</a>`,
            partyRoleNames[item.role as keyof typeof partyRoleNames] ?? item.role,
            categoryLabel(configuration, item.category),
            formatDate(item.openedOn),
            item.closedOn ? formatDate(item.closedOn) : "Open",
          ]),
        })}`,
    });
  });
}

function isUuidKey(key: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
}
