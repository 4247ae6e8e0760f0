import { type CsvCell, csvText } from "../../../platform/exports/csv.ts";
import type { Nm01Report } from "./nm01.ts";

/**
 * NM01 as rows for the regulator's TSM data return: one row per measure with its numerator,
 * denominator and result, first for the whole organisation (the figure the return asks for),
 * then for each local authority (Kith's breakdown, for checking). The column names are Kith's;
 * docs/safety-nm01.md says which parts of the layout come from the regulator.
 */
export function nm01ReturnCsv(report: Nm01Report): string {
  const header = [
    "tsm_code",
    "measure",
    "period_start",
    "period_end",
    "area_code",
    "area_name",
    "numerator",
    "denominator",
    "result_per_1000_homes",
  ];
  const measures = [
    { code: "NM01(1)", measure: "Anti-social behaviour cases opened per 1,000 homes", hate: false },
    {
      code: "NM01(2)",
      measure: "Anti-social behaviour cases that involve hate incidents opened per 1,000 homes",
      hate: true,
    },
  ];
  const areas = [
    { laCode: "ALL", laName: "All areas", ...report.total },
    ...report.areas.map((area) => ({ ...area, laCode: area.laCode ?? "NOT-RECORDED" })),
  ];
  const lines: CsvCell[][] = [header];
  for (const { code, measure, hate } of measures)
    for (const area of areas) {
      const result = hate ? area.hateCasesPer1000Homes : area.casesPer1000Homes;
      lines.push([
        code,
        measure,
        report.from,
        report.to,
        area.laCode,
        area.laName,
        hate ? area.hateCases : area.cases,
        area.homes,
        result === null ? null : result.toFixed(2),
      ]);
    }
  return csvText(lines);
}
