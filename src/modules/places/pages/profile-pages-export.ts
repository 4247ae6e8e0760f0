import type { Context } from "hono";
import { csvText } from "../../../platform/exports/csv.ts";
import { xlsxWorkbook } from "../../../platform/exports/xlsx.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import {
  isSuppressed,
  monthLabel,
  type ProfileFigure,
  type ProfilePlace,
  type ProfileTrend,
  profileSection,
  smallCountValue,
  suppressionThreshold,
} from "../../../platform/http/place-profile.ts";
import { html, lineChart, type SafeHtml } from "../../../platform/ui/index.ts";

// The profile's trends (a chart and table per series) and its CSV and XLSX files. The files hold
// the figures the page shows, suppressed the same way, one row per figure or month.

export type ProfileExport = "csv" | "xlsx";

const head = ["Section", "Figure", "Period", "Value"] as const;

/** A trend's months as export rows: suppressed counts become "fewer than 5" as on the page. */
export function trendFigures(months: string[], trends: ProfileTrend[]): ProfileFigure[] {
  return trends.flatMap((trend) =>
    months.map((month, i) => {
      const value = trend.values[i] ?? 0;
      return {
        section: "Trends",
        figure: trend.name,
        period: monthLabel(month),
        value: trend.suppressed ? smallCountValue(value) : value,
      };
    }),
  );
}

function formatTrendValue(trend: ProfileTrend): (value: number) => string {
  if (trend.unit === "pounds")
    return (value) => value.toLocaleString("en-GB", { style: "currency", currency: "GBP" });
  return (value) => value.toLocaleString("en-GB");
}

/** Monthly series for the last twelve months, each drawn as a small line chart with its table. */
export function trendsSection(months: string[], trends: ProfileTrend[]): SafeHtml {
  if (trends.length === 0) return html``;
  const periods = months.map(monthLabel);
  const charts = trends.map((trend, index) => {
    const format = formatTrendValue(trend);
    const values = trend.values.map((value) => (trend.suppressed && isSuppressed(value) ? null : value));
    const total = trend.values.reduce((sum, value) => sum + value, 0);
    return html`<div class="govuk-grid-column-one-half">${lineChart({
      id: `trend-${index + 1}`,
      title: trend.name,
      description: `${trend.name} each month from ${periods[0]} to ${periods[periods.length - 1]}${trend.suppressed ? `; months with fewer than ${suppressionThreshold} are left as gaps` : `, ${format(total)} in all`}.`,
      periods,
      periodLabel: "Month",
      series: [{ name: trend.name, values }],
      formatValue: format,
      nullLabel: `fewer than ${suppressionThreshold}`,
      table: "details",
    })}</div>`;
  });
  return profileSection("Trends over the last 12 months", html`<div class="govuk-grid-row">${charts}</div>`);
}

/** The profile as a CSV or XLSX download. */
export async function profileFile(
  c: Context<AppEnv>,
  format: ProfileExport,
  place: ProfilePlace,
  figures: ProfileFigure[],
): Promise<Response> {
  const rows = figures.map((f) => [f.section, f.figure, f.period, f.value] as const);
  const name = `${place.level === "lsoa" ? "neighbourhood" : "district"}-${place.code}-profile`;
  if (format === "csv")
    return c.body(csvText([head, ...rows]), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    });
  const workbook = await xlsxWorkbook([
    { name: "Profile", title: `${place.name} (${place.code}): neighbourhood profile`, head, rows },
  ]);
  return c.body(new Uint8Array(workbook), 200, {
    "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "content-disposition": `attachment; filename="${name}.xlsx"`,
  });
}

/** "E01016016.csv" → the code and the file asked for; a bare code is the page. */
export function splitProfileCode(param: string): { code: string; format: ProfileExport | "page" } {
  const match = /^(.*)\.(csv|xlsx)$/i.exec(param);
  if (!match) return { code: param.toUpperCase(), format: "page" };
  return { code: (match[1] ?? "").toUpperCase(), format: (match[2] ?? "").toLowerCase() as ProfileExport };
}
