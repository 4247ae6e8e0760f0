import { choropleth, html, type SafeHtml } from "../../../platform/ui/index.ts";
import { boundarySource, districtBoundaries } from "../../places/index.ts";
import type { Nm01Report } from "../queries/nm01.ts";

/**
 * NM01(1) per 1,000 homes as a district map, drawn above the NM01 table. A district with no
 * homes has no rate and is shown hatched as "No data". Districts without an outline in
 * Kith's reference data (outside Kent and Medway until LSOA boundaries are imported) are
 * in the table only; with none, no map is drawn.
 */
export function nm01Map(report: Nm01Report): SafeHtml {
  const codes = report.areas.flatMap((a) => (a.laCode ? [a.laCode] : []));
  const districts = districtBoundaries(codes);
  if (districts.length === 0) return html``;
  const rates = new Map(report.areas.map((a) => [a.laCode ?? "", a.casesPer1000Homes]));
  const highest = [...report.areas]
    .filter((a) => a.casesPer1000Homes !== null && districts.some((d) => d.code === a.laCode))
    .sort((a, b) => (b.casesPer1000Homes ?? 0) - (a.casesPer1000Homes ?? 0))[0];
  return choropleth({
    id: "nm01-map",
    title: `ASB cases per 1,000 homes by local authority, ${report.from} to ${report.to}`,
    description: `NM01(1) for each of ${districts.length} local authorities; darker areas have more cases per 1,000 homes.${highest ? ` ${highest.laName} is highest at ${(highest.casesPer1000Homes ?? 0).toFixed(2)}.` : ""}`,
    areas: districts,
    values: rates,
    valueLabel: "ASB cases per 1,000 homes",
    areaLabel: "Local authority",
    formatValue: (value) => (Number.isInteger(value) ? String(value) : value.toFixed(2)),
    source: boundarySource,
    table: "details",
  });
}
