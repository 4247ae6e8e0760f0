import ExcelJS from "exceljs";
import type { EqualityProfile } from "./queries/equality-profile.ts";
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
      report.total.valuePence / 100,
      report.total.activeVolunteers,
    ],
    ...report.byTheme.map(
      (t): ReportRow => [
        "Theme",
        t.themeName,
        t.theme,
        hours(t.minutes),
        t.minutes,
        t.valuePence / 100,
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
        a.valuePence / 100,
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
        o.valuePence / 100,
        o.activeVolunteers,
      ],
    ),
  ];
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with ' (CSV injection). */
function csvCell(value: string | number): string {
  let text = typeof value === "number" ? String(value) : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Suppressed counts (fewer than the threshold) are written as "<5", never as a number. */
function equalityLines(profile: EqualityProfile): string[] {
  const count = (n: number | null) => (n === null ? `<${profile.threshold}` : n);
  const share = (n: number | null) => (n === null ? "" : Math.round(n * 1000) / 10);
  return [
    "",
    `# Equality profile: volunteers active in the last 12 months against residents, consented answers only`,
    ["Field", "Answer", "Volunteers", "Volunteers (%)", "Residents", "Residents (%)"].map(csvCell).join(","),
    ...profile.rows.map((row) =>
      [
        row.field,
        row.answer,
        count(row.volunteers),
        share(row.volunteerShare),
        count(row.residents),
        share(row.residentShare),
      ]
        .map(csvCell)
        .join(","),
    ),
  ];
}

export function reportCsv(report: VolunteeringValue, equality?: EqualityProfile): string {
  const lines = [
    `# Volunteering report ${report.from} to ${report.to}`,
    header.map(csvCell).join(","),
    ...rowsOf(report).map((row) => row.map(csvCell).join(",")),
    ...(equality ? equalityLines(equality) : []),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

export async function reportXlsx(report: VolunteeringValue): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Hours and value");
  sheet.addRow([`Volunteering report ${report.from} to ${report.to}`]).font = { bold: true };
  sheet.addRow(header).font = { bold: true };
  for (const row of rowsOf(report)) sheet.addRow(row);
  sheet.getColumn(6).numFmt = "£#,##0.00";
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const rates = workbook.addWorksheet("Hourly values");
  rates.addRow(["Year", "Value of an hour (£)", "Source"]).font = { bold: true };
  for (const rate of report.rates) rates.addRow([rate.year, rate.ratePence / 100, rate.source]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
