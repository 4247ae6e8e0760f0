import { type CsvCell, csvText, poundsFromPence } from "../../platform/exports/csv.ts";
import { xlsxWorkbook } from "../../platform/exports/xlsx.ts";
import { type EqualityProfile, equalityCells } from "./queries/equality-profile.ts";
import type { VolunteeringValue } from "./queries/volunteering-value.ts";

// The hours report as files for funders: one table with a "grouping" column, so the
// CSV and the XLSX hold exactly the same rows.

type ReportRow = [
  grouping: string,
  name: string,
  code: string,
  hours: number,
  minutes: number,
  valuePounds: number,
  activeVolunteers: number,
];
const header = ["Grouping", "Name", "Code", "Verified hours", "Minutes", "Value (£)", "Active volunteers"];

function rowsOf(report: VolunteeringValue): ReportRow[] {
  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  return [
    [
      "Total",
      "All volunteering",
      "",
      hours(report.total.minutes),
      report.total.minutes,
      poundsFromPence(report.total.valuePence),
      report.total.activeVolunteers,
    ],
    ...report.byTheme.map(
      (t): ReportRow => [
        "Theme",
        t.themeName,
        t.theme,
        hours(t.minutes),
        t.minutes,
        poundsFromPence(t.valuePence),
        t.activeVolunteers,
      ],
    ),
    ...report.byArea.map(
      (a): ReportRow => [
        "Area",
        a.areaName,
        a.laCode ?? "",
        hours(a.minutes),
        a.minutes,
        poundsFromPence(a.valuePence),
        a.activeVolunteers,
      ],
    ),
    ...report.byOrganisation.map(
      (o): ReportRow => [
        "Organisation",
        o.organisationName,
        o.partnerOrganisationId ?? "",
        hours(o.minutes),
        o.minutes,
        poundsFromPence(o.valuePence),
        o.activeVolunteers,
      ],
    ),
  ];
}

/** Suppressed counts (fewer than the threshold) are written as "<5", never as a number. */
function equalityLines(profile: EqualityProfile): CsvCell[][] {
  const count = (n: number | null) => (n === null ? `<${profile.threshold}` : n);
  const share = (n: number | null) => (n === null ? "" : Math.round(n * 1000) / 10);
  return [
    [],
    ["# Equality profile: volunteers active in the last 12 months against residents, consented answers only"],
    ["Field", "Answer", "Volunteers", "Volunteers (%)", "Residents", "Residents (%)"],
    ...profile.rows.map((row) => equalityCells<CsvCell>(row, count, share)),
  ];
}

export function reportCsv(report: VolunteeringValue, equality?: EqualityProfile): string {
  return csvText([
    [`# Volunteering report ${report.from} to ${report.to}`],
    header,
    ...rowsOf(report),
    ...(equality ? equalityLines(equality) : []),
  ]);
}

export function reportXlsx(report: VolunteeringValue): Promise<Buffer> {
  return xlsxWorkbook([
    {
      name: "Hours and value",
      title: `Volunteering report ${report.from} to ${report.to}`,
      head: header,
      rows: rowsOf(report),
      numberFormats: { 6: "£#,##0.00" },
    },
    {
      name: "Hourly values",
      head: ["Year", "Value of an hour (£)", "Source"],
      rows: report.rates.map((rate) => [rate.year, poundsFromPence(rate.ratePence), rate.source]),
    },
  ]);
}
