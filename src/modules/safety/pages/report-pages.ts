import type { Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attachment } from "../../../platform/http/attachment.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  barChart,
  button,
  formatPence,
  html,
  lineChart,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { closureOutcomeNames, findCategory } from "../domain/categories.ts";
import { londonDay } from "../domain/settings.ts";
import { annualReport, annualReportCsv } from "../queries/annual-report.ts";
import { nm01, nm01Cases } from "../queries/nm01.ts";
import { nm01OpeningsCsv } from "../queries/nm01-openings.ts";
import { nm01ReturnCsv } from "../queries/nm01-return.ts";
import { safetyNav } from "./common.ts";
import { nm01Map } from "./nm01-map.ts";

/** The financial year (April to March) that contains today, the usual TSM reporting year. */
function defaultPeriod(now: Date): { from: string; to: string } {
  const today = londonDay(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < "04-01" ? 1 : 0);
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

export function periodFrom(c: Context<AppEnv>): { from: string; to: string } {
  const fallback = defaultPeriod(c.get("now"));
  const from = c.req.query("from") ?? "";
  const to = c.req.query("to") ?? "";
  return { from: isRealDate(from) ? from : fallback.from, to: isRealDate(to) ? to : fallback.to };
}

function periodForm(action: string, period: { from: string; to: string }) {
  return html`<form method="get" action="${action}" novalidate class="govuk-!-margin-bottom-6"><div class="govuk-grid-row"><div class="govuk-grid-column-one-quarter">${textInput({ name: "from", label: "From (YYYY-MM-DD)", value: period.from, width: 10 })}</div><div class="govuk-grid-column-one-quarter">${textInput({ name: "to", label: "To (YYYY-MM-DD)", value: period.to, width: 10 })}</div></div>${button({ text: "Show", classes: "govuk-button--secondary" })}</form>`;
}

const rate = (value: number | null) => (value === null ? "–" : value.toFixed(2));

type Period = { from: string; to: string };

/** The report CSVs for a period: each query checks the actor, and the file is named after the period. */
const periodDownloads: {
  path: string;
  fileStem: string;
  csv: (db: Db, actor: Actor, period: Period) => Promise<string>;
}[] = [
  {
    path: "/safety/nm01.csv",
    fileStem: "tsm-nm01",
    csv: async (db, actor, period) => nm01ReturnCsv(await nm01(db, actor, period)),
  },
  {
    path: "/safety/nm01/cases.csv",
    fileStem: "nm01-cases",
    csv: async (db, actor, period) => nm01OpeningsCsv(await nm01Cases(db, actor, period)),
  },
  {
    path: "/safety/annual-report.csv",
    fileStem: "community-safety",
    csv: async (db, actor, period) => annualReportCsv(await annualReport(db, actor, period)),
  },
];

export function reportPages(app: Hono<AppEnv>): void {
  app.get("/safety/nm01", async (c) => {
    const actor = requireActor(c);
    const period = periodFrom(c);
    const report = await nm01(c.get("services").database.db, actor, period);
    return renderPage(c, {
      title: "NM01: anti-social behaviour cases per 1,000 homes",
      fullWidth: true,
      content: html`${safetyNav("/safety/nm01")}<h1 class="govuk-heading-l">NM01: anti-social behaviour cases per 1,000 homes</h1>
        <p class="govuk-body">Counted by the regulator's rules: a further report about the same matter while a case is open is not a new case; a report after the case closed is; cases linked as the same matter count once.</p>
        <p class="govuk-body">The denominator is the low-cost rental and low-cost home ownership homes owned on the last day of the period (${report.to}). Leasehold, market-rent and other non-social homes are left out, and so are homes acquired after that day or sold by then.</p>
        ${periodForm("/safety/nm01", period)}
        <p class="govuk-body"><a class="govuk-link" href="/safety/nm01.csv?from=${report.from}&amp;to=${report.to}" download>Download for the TSM data return (CSV)</a> · <a class="govuk-link" href="/safety/nm01/cases.csv?from=${report.from}&amp;to=${report.to}" download>Download the cases behind these figures (CSV)</a></p>
        <p class="govuk-body-s">Source: the Regulator of Social Housing's <i>Tenant Satisfaction Measures: Technical Requirements</i>, NM01. Each rule Kith follows, and where it chose an interpretation, is set out in Kith's guide to NM01 (docs/safety-nm01.md).</p>
        ${nm01Map(report)}
        ${table({
          caption: `${report.from} to ${report.to}`,
          head: [
            { text: "Local authority" },
            { text: "Homes owned at period end (denominator)", numeric: true },
            { text: "ASB cases opened (numerator)", numeric: true },
            { text: "NM01(1) per 1,000 homes", numeric: true },
            { text: "Hate incident cases (numerator)", numeric: true },
            { text: "NM01(2) per 1,000 homes", numeric: true },
          ],
          rows: [
            ...report.areas.map((a) => [
              a.laName,
              a.homes.toLocaleString("en-GB"),
              String(a.cases),
              rate(a.casesPer1000Homes),
              String(a.hateCases),
              rate(a.hateCasesPer1000Homes),
            ]),
            [
              html`<strong>Total</strong>`,
              report.total.homes.toLocaleString("en-GB"),
              String(report.total.cases),
              rate(report.total.casesPer1000Homes),
              String(report.total.hateCases),
              rate(report.total.hateCasesPer1000Homes),
            ],
          ],
        })}`,
    });
  });

  app.get("/safety/annual-report", async (c) => {
    const actor = requireActor(c);
    const period = periodFrom(c);
    const report = await annualReport(c.get("services").database.db, actor, period);
    const change = (now: number, before: number) =>
      before === 0
        ? "no cases last year"
        : `${now >= before ? "+" : ""}${Math.round(((now - before) / before) * 100)}% on last year (target −20%)`;
    return renderPage(c, {
      title: "Community safety annual report",
      fullWidth: true,
      content: html`${safetyNav("/safety/annual-report")}<h1 class="govuk-heading-l">Community safety annual report</h1>
        ${periodForm("/safety/annual-report", period)}
        <p class="govuk-body"><a class="govuk-link" href="/safety/annual-report.csv?from=${period.from}&amp;to=${period.to}" download>Download as CSV</a></p>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third"><p class="govuk-body"><span class="govuk-heading-xl govuk-!-margin-bottom-1">${report.opened}</span>cases opened</p></div>
          <div class="govuk-grid-column-one-third"><p class="govuk-body"><span class="govuk-heading-xl govuk-!-margin-bottom-1">${report.closed}</span>cases closed</p></div>
          <div class="govuk-grid-column-one-third"><p class="govuk-body"><span class="govuk-heading-xl govuk-!-margin-bottom-1">${rate(report.nm01.total.casesPer1000Homes)}</span>ASB cases per 1,000 homes (NM01)</p></div>
        </div>
        <h2 class="govuk-heading-m">Cases opened and closed each month</h2>
        ${lineChart({
          id: "trend",
          title: "Cases opened and closed each month",
          description: `Cases opened and closed each month from ${report.from} to ${report.to}.`,
          periods: report.monthly.map((m) => m.month),
          series: [
            { name: "Opened", values: report.monthly.map((m) => m.opened) },
            { name: "Closed", values: report.monthly.map((m) => m.closed) },
          ],
          table: "details",
        })}
        <h2 class="govuk-heading-m">NM01 by local authority</h2>
        ${table({ caption: "NM01", captionClasses: "govuk-visually-hidden", head: [{ text: "Area" }, { text: "Homes", numeric: true }, { text: "Cases", numeric: true }, { text: "Per 1,000", numeric: true }, { text: "Hate cases", numeric: true }, { text: "Per 1,000", numeric: true }], rows: [...report.nm01.areas, { laName: "Total", ...report.nm01.total }].map((a) => [a.laName, a.homes.toLocaleString("en-GB"), String(a.cases), rate(a.casesPer1000Homes), String(a.hateCases), rate(a.hateCasesPer1000Homes)]) })}
        <h2 class="govuk-heading-m">Repeat victims and perpetrators</h2>
        ${table({
          caption: "Repeats",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "" },
            { text: "This period", numeric: true },
            { text: "Same period last year", numeric: true },
            { text: "Change" },
          ],
          rows: [
            [
              "Repeat victims",
              String(report.repeats.victims),
              String(report.repeatsLastYear.victims),
              change(report.repeats.victims, report.repeatsLastYear.victims),
            ],
            [
              "Repeat perpetrators",
              String(report.repeats.perpetrators),
              String(report.repeatsLastYear.perpetrators),
              change(report.repeats.perpetrators, report.repeatsLastYear.perpetrators),
            ],
            [
              "Repeat addresses",
              String(report.repeats.addresses),
              String(report.repeatsLastYear.addresses),
              change(report.repeats.addresses, report.repeatsLastYear.addresses),
            ],
          ],
        })}
        <h2 class="govuk-heading-m">Cases by category</h2>
        ${barChart({ id: "categories", title: "Cases opened by category", description: "Number of cases opened in the period in each category.", valueLabel: "Cases", bars: report.byCategory.map((b) => ({ label: findCategory(b.category)?.name ?? b.category, value: b.cases })), table: "details" })}
        <h2 class="govuk-heading-m">Outcomes of closed cases</h2>
        ${table({ caption: "Outcomes", captionClasses: "govuk-visually-hidden", head: [{ text: "Outcome" }, { text: "Cases", numeric: true }], rows: report.outcomes.map((o) => [closureOutcomeNames[o.outcome as keyof typeof closureOutcomeNames] ?? o.outcome, String(o.cases)]) })}
        <h2 class="govuk-heading-m">Legal actions</h2>
        ${table({ caption: "Legal actions", captionClasses: "govuk-visually-hidden", head: [{ text: "Action" }, { text: "Number", numeric: true }], rows: report.legalActions.map((l) => [l.name, String(l.count)]) })}
        <h2 class="govuk-heading-m">Who was involved</h2>
        <p class="govuk-body">Age band from date of birth where recorded, and the officer's vulnerability flag. Equality data is not used here.</p>
        ${table({ caption: "Profile", captionClasses: "govuk-visually-hidden", head: [{ text: "Role" }, { text: "Age band" }, { text: "People", numeric: true }, { text: "Vulnerable", numeric: true }], rows: report.profile.map((p) => [p.role === "complainant" ? "Victims" : "Alleged perpetrators", p.band, String(p.people), String(p.vulnerable)]) })}
        <h2 class="govuk-heading-m">Preventative campaigns</h2>
        ${report.campaigns.length ? table({ caption: "Campaigns", captionClasses: "govuk-visually-hidden", head: [{ text: "Campaign" }, { text: "Topic" }, { text: "People reached", numeric: true }], rows: report.campaigns.map((cm) => [cm.name, cm.topic, cm.peopleReached.toLocaleString("en-GB")]) }) : html`<p class="govuk-body">No campaigns in this period.</p>`}
        <h2 class="govuk-heading-m">Fly-tipping clearance</h2>
        <p class="govuk-body">${report.clearances} clearances costing ${formatPence(report.clearanceCostPence)}.</p>`,
    });
  });

  for (const download of periodDownloads) {
    app.get(download.path, async (c) => {
      const actor = requireActor(c);
      const period = periodFrom(c);
      const csv = await download.csv(c.get("services").database.db, actor, period);
      return attachment(c, `${download.fileStem}-${period.from}-${period.to}.csv`, csv);
    });
  }
}
