import {
  choropleth,
  html,
  plainNumber,
  type SafeHtml,
  type ValueFormatter,
} from "../../../platform/ui/index.ts";
import { boundarySource, districtBoundaries } from "../queries/district-boundaries.ts";

export type DistrictCountMap = {
  id: string;
  /** What is counted, e.g. "Grants awarded by district". */
  title: string;
  /** Says what darker means; the largest district is added to it. */
  description: string;
  valueLabel: string;
  /** Value per district code; districts drawn without a value show 0. */
  counts: ReadonlyMap<string, number>;
  /** Districts to draw even when they have nothing (normally the organisation's areas). */
  districtCodes: readonly string[];
  formatValue?: ValueFormatter;
};

/**
 * A district choropleth of one count, with its key and a named table: the organisation's districts
 * and every district with a count, where Kith holds its outline. Nothing is drawn without outlines.
 */
export function districtCountMap(options: DistrictCountMap): SafeHtml {
  const codes = [...new Set([...options.districtCodes, ...options.counts.keys()])];
  const districts = districtBoundaries(codes);
  if (districts.length === 0) return html``;
  const values = new Map(districts.map((d) => [d.code, options.counts.get(d.code) ?? 0]));
  const largest = [...districts].sort((a, b) => (values.get(b.code) ?? 0) - (values.get(a.code) ?? 0))[0];
  const format = options.formatValue ?? plainNumber;
  const top = largest && (values.get(largest.code) ?? 0) > 0 ? largest : undefined;
  return choropleth({
    id: options.id,
    title: options.title,
    description: `${options.description} ${top ? `${top.name} has the most: ${format(values.get(top.code) ?? 0)}.` : "None yet."}`,
    areas: districts,
    values,
    valueLabel: options.valueLabel,
    areaLabel: "District",
    formatValue: options.formatValue,
    source: boundarySource,
    table: "visible",
  });
}
