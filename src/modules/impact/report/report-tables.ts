import type { ExportTable } from "../export-table.ts";
import type { ReportFigures } from "./report-figures.ts";

/** The report's tables, as exportable rows (money in pence, so a spreadsheet adds them exactly). */
export const reportTableNames = ["report-themes", "report-areas", "report-sroi", "report-outcomes"] as const;
export type ReportTableName = (typeof reportTableNames)[number];

export function reportTable(figures: ReportFigures, name: ReportTableName): ExportTable {
  switch (name) {
    case "report-themes":
      return {
        name: "By theme",
        head: ["theme_code", "theme", "residents", "in_depth", "sessions", "social_value_pence"],
        rows: figures.themes.map((t) => [
          t.code,
          t.name,
          t.residents,
          t.inDepth,
          t.sessions,
          t.socialValuePence,
        ]),
      };
    case "report-areas":
      return {
        name: "By area",
        head: ["la_code", "area", "sessions", "people", "social_value_pence"],
        rows: figures.areas.map((a) => [a.laCode, a.laName, a.sessions, a.people, a.socialValuePence]),
      };
    case "report-sroi":
      return {
        name: "SROI by project",
        head: ["project", "social_value_pence", "present_value_pence", "inputs_pence", "sroi_ratio"],
        rows: figures.sroi.projects.map((p) => [
          p.projectName,
          p.socialValuePence,
          p.sroi.presentValuePence,
          p.sroi.inputsPence,
          p.sroi.ratio,
        ]),
      };
    case "report-outcomes":
      return {
        name: "Outcomes valued",
        head: ["code", "outcome", "people", "social_value_pence"],
        rows: figures.topOutcomes.map((o) => [o.code, o.name, o.people, o.valuePence]),
      };
  }
}
