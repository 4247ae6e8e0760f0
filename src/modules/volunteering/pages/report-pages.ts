import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  button,
  formatPence,
  formatPercent,
  html,
  type SafeHtml,
  summaryList,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { setHourlyRate } from "../commands/set-hourly-rate.ts";
import { partnerDirectory } from "../partners.ts";
import { canSetHourlyRate } from "../policy.ts";
import {
  type EqualityProfile,
  equalityCells,
  volunteerEqualityProfile,
} from "../queries/equality-profile.ts";
import { retention } from "../queries/hours.ts";
import { bandNames, volunteerProfile } from "../queries/profile.ts";
import { vdsExportFor } from "../queries/vds-export.ts";
import { volunteeringReport } from "../queries/volunteering-value.ts";
import { londonToday } from "../records.ts";
import { reportCsv, reportXlsx } from "../report-files.ts";
import { financialYear, hoursText, volunteeringTabs } from "./page-kit.ts";

function periodOf(c: Context<AppEnv>): { from: string; to: string; errors?: Record<string, string> } {
  const fallback = financialYear(londonToday(c.get("now")));
  const from = c.req.query("from") ?? fallback.from;
  const to = c.req.query("to") ?? fallback.to;
  const errors: Record<string, string> = {};
  if (!isRealDate(from)) errors.from = "Enter the start as a real date, like 2025-04-01";
  if (!isRealDate(to)) errors.to = "Enter the end as a real date, like 2026-03-31";
  if (!errors.from && !errors.to && from > to) errors.to = "The end must be on or after the start";
  return Object.keys(errors).length ? { ...fallback, errors } : { from, to };
}

/** Volunteers against residents on consented equality answers; small numbers stay hidden. */
function equalityTable(profile: EqualityProfile): SafeHtml {
  const few = `Fewer than ${profile.threshold}`;
  const count = (n: number | null) => ({ content: n === null ? few : n, numeric: true });
  const share = (n: number | null) => ({ content: n === null ? "" : formatPercent(n), numeric: true });
  return html`<h2 class="govuk-heading-m">Equality profile</h2>
    <p class="govuk-body">Only answers people agreed to give are counted, for volunteers linked to a resident record. Groups of fewer than ${profile.threshold} are not shown, so no one can be identified. Volunteers with consented answers: ${profile.volunteersConsented ?? few}. Residents: ${profile.residentsConsented ?? few}.</p>
    ${
      profile.rows.length === 0
        ? html`<p class="govuk-body">Not enough consented answers to show a profile.</p>`
        : table({
            caption: "Volunteers active in the last 12 months against residents",
            head: [
              { text: "Question" },
              { text: "Answer" },
              ...numericHeads("Volunteers", "Share", "Residents", "Share"),
            ],
            rows: profile.rows.map((row) => equalityCells(row, count, share)),
          })
    }`;
}

export function reportPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/volunteering/reports", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const period = periodOf(c);
    const [report, kept, profile, equality] = await Promise.all([
      volunteeringReport(db, actor, period),
      retention(db, actor, period),
      volunteerProfile(db, actor, c.get("now")),
      volunteerEqualityProfile(db, actor, c.get("now")),
    ]);
    const query = `from=${period.from}&to=${period.to}`;
    const line = (row: { minutes: number; valuePence: number; activeVolunteers: number }) => [
      { content: hoursText(row.minutes), numeric: true },
      { content: formatPence(row.valuePence), numeric: true },
      { content: row.activeVolunteers, numeric: true },
    ];
    const head = (first: string) => [
      { text: first },
      ...numericHeads("Verified hours", "Value", "Active volunteers"),
    ];
    return renderPage(c, {
      title: `Volunteering reports`,
      errors: period.errors,
      status: period.errors ? 422 : 200,
      content: html`${volunteeringTabs(actor, "/volunteering/reports")}
        <h1 class="govuk-heading-l">Volunteering reports</h1>
        <form method="get" action="/volunteering/reports" novalidate>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-third">${textInput({ name: "from", label: "From", hint: "For example, 2025-04-01", value: c.req.query("from") ?? period.from, width: 10, error: period.errors?.from })}</div>
            <div class="govuk-grid-column-one-third">${textInput({ name: "to", label: "To", hint: "For example, 2026-03-31", value: c.req.query("to") ?? period.to, width: 10, error: period.errors?.to })}</div>
          </div>
          ${button({ text: "Show report", variant: "secondary" })}
        </form>
        <p class="govuk-body">Download: <a class="govuk-link" href="/volunteering/reports.csv?${query}" download>CSV</a> ·
          <a class="govuk-link" href="/volunteering/reports.xlsx?${query}" download>Excel (XLSX)</a> ·
          <a class="govuk-link" href="/volunteering/export.vds.json" download>UK Volunteering Data Standard (JSON)</a></p>
        ${summaryList([
          { key: "Verified hours", value: hoursText(report.total.minutes) },
          { key: "Value", value: formatPence(report.total.valuePence) },
          { key: "Active volunteers", value: String(report.total.activeVolunteers) },
          {
            key: "Retention",
            value:
              kept.rate === null
                ? "No volunteers in the first 90 days of the period"
                : `${formatPercent(kept.rate)}: ${kept.retained} of the ${kept.cohort} volunteers active in the first 90 days were still active in the last 90`,
          },
        ])}
        ${table({ caption: "By theme", head: head("Theme"), rows: report.byTheme.map((row) => [row.themeName, ...line(row)]) })}
        ${table({ caption: "By area", head: head("Local authority"), rows: report.byArea.map((row) => [row.areaName, ...line(row)]) })}
        ${table({ caption: "By organisation running the role", head: head("Organisation"), rows: report.byOrganisation.map((row) => [row.organisationName, ...line(row)]) })}
        ${table({
          caption: `Age of volunteers (${profile.volunteers} active in the last 12 months) against residents (${profile.residents})`,
          head: [{ text: "Age" }, ...numericHeads("Volunteers", "Share", "Residents", "Share")],
          rows: profile.rows.map((row) => [
            bandNames[row.band],
            { content: row.volunteers, numeric: true },
            { content: formatPercent(row.volunteerShare), numeric: true },
            { content: row.residents, numeric: true },
            { content: formatPercent(row.residentShare), numeric: true },
          ]),
        })}
        ${equalityTable(equality)}
        ${table({ caption: "Hourly values used", head: [{ text: "Year" }, { text: "Value of an hour", numeric: true }, { text: "Source" }], rows: report.rates.map((r) => [String(r.year), { content: formatPence(r.ratePence), numeric: true }, r.source]) })}`,
    });
  });

  app.get("/volunteering/reports.csv", async (c) => {
    const actor = requireActor(c);
    const period = periodOf(c);
    const db = c.get("services").database.db;
    const [report, equality] = await Promise.all([
      volunteeringReport(db, actor, period),
      volunteerEqualityProfile(db, actor, c.get("now")),
    ]);
    return c.body(reportCsv(report, equality), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="volunteering-${period.from}-to-${period.to}.csv"`,
    });
  });

  app.get("/volunteering/reports.xlsx", async (c) => {
    const actor = requireActor(c);
    const period = periodOf(c);
    const report = await volunteeringReport(c.get("services").database.db, actor, period);
    return c.body(new Uint8Array(await reportXlsx(report)), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="volunteering-${period.from}-to-${period.to}.xlsx"`,
    });
  });

  app.get("/volunteering/export.vds.json", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const exported = await vdsExportFor(
      db,
      actor,
      c.get("now"),
      await partnerDirectory(db, actor.organisationId),
      c.get("services").config.publicUrl,
    );
    return c.body(`${JSON.stringify(exported, null, 2)}\n`, 200, {
      "Content-Type": "application/ld+json",
      "Content-Disposition": 'attachment; filename="volunteering-vds.json"',
    });
  });

  const showRates = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors?: Record<string, string>,
  ) => {
    const actor = requireActor(c);
    const report = await volunteeringReport(
      c.get("services").database.db,
      actor,
      financialYear(londonToday(c.get("now"))),
    );
    return renderPage(c, {
      title: `Value of an hour of volunteering`,
      errors,
      status: errors ? 422 : 200,
      notification: flashFrom(c, { saved: "Value of an hour saved." }),
      content: html`${volunteeringTabs(actor, "/volunteering/rates")}
        <h1 class="govuk-heading-l">Value of an hour of volunteering</h1>
        <p class="govuk-body">The value of volunteering is verified hours × the value of an hour in the year they were worked. Record where each figure comes from, for example the median hourly wage for the equivalent paid role, so funders can check it.</p>
        ${table({ caption: "Values by year", head: [{ text: "Year" }, { text: "Value of an hour", numeric: true }, { text: "Source" }], rows: report.rates.map((r) => [String(r.year), { content: formatPence(r.ratePence), numeric: true }, r.source]) })}
        ${
          canSetHourlyRate(actor)
            ? html`<form method="post" action="/volunteering/rates" novalidate>${csrfField(c)}
          <h2 class="govuk-heading-m">Set the value for a year</h2>
          ${textInput({ name: "year", label: "Year", value: values.year, width: 4, inputmode: "numeric", error: errors?.year })}
          ${textInput({ name: "ratePence", label: "Value of an hour, in pence", hint: "For example, 1221 for £12.21", value: values.ratePence, width: 5, inputmode: "numeric", error: errors?.ratePence })}
          ${textInput({ name: "source", label: "Source", hint: "Where the figure comes from, with its date", value: values.source, error: errors?.source })}
          ${button({ text: "Save value" })}</form>`
            : ""
        }`,
    });
  };
  app.get("/volunteering/rates", (c) => showRates(c));
  app.post("/volunteering/rates", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, setHourlyRate, actor, form));
    if (!result.ok) return showRates(c, form, result.errors);
    return c.redirect("/volunteering/rates?done=saved", 303);
  });
  return app;
}
