// Shared pieces of the server-drawn SVG charts. No client script and no style
// attributes (the CSP forbids inline styles): colours are presentation
// attributes, sizing comes from classes in kith.css. Every chart is an image
// with a title and description, paired with a table of the same numbers.
import { html, type SafeHtml } from "../../html.ts";
import { type TableCell, type TableHeadCell, table } from "../table.ts";

/**
 * GOV.UK palette colours with at least 3:1 contrast against white (WCAG 1.4.11),
 * ordered so neighbouring series differ in lightness as well as hue. Series are
 * also told apart by marker shape and dash pattern, never by colour alone.
 */
export const seriesColours = [
  "#1d70b8",
  "#ca357c",
  "#0f7a52",
  "#54319f",
  "#0b0c0c",
  "#ca3535",
  "#158187",
] as const;
export const textColour = "#0b0c0c";
export const secondaryTextColour = "#484949";
export const gridColour = "#cecece";

export type ValueFormatter = (value: number) => string;
export const plainNumber: ValueFormatter = (value) => new Intl.NumberFormat("en-GB").format(value);

export type DataTableVisibility = "hidden" | "visible" | "details";

export type ChartBase = {
  /** Unique on the page: used for the title, description and table ids. */
  id: string;
  title: string;
  /** A sentence saying what the chart shows, e.g. the trend or the largest value. */
  description: string;
  /** How the table of numbers is shown: visually hidden (default), visible, or inside a "Show the data" details. */
  table?: DataTableVisibility;
};

export function svgOpen(options: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  classes?: string;
}): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="kith-chart${options.classes ? ` ${options.classes}` : ""}" viewBox="0 0 ${options.width} ${options.height}" width="${options.width}" height="${options.height}" role="img" aria-labelledby="${options.id}-title" aria-describedby="${options.id}-desc" focusable="false"><title id="${options.id}-title">${options.title}</title><desc id="${options.id}-desc">${options.description}</desc>`;
}

export function chartFigure(
  chart: ChartBase,
  svg: SafeHtml,
  data: { head: TableHeadCell[]; rows: TableCell[][] },
): SafeHtml {
  const visibility = chart.table ?? "hidden";
  const dataTable = table({
    caption: `${chart.title}: data`,
    captionClasses: "govuk-table__caption--s",
    head: data.head,
    rows: data.rows,
    firstCellIsHeader: true,
    id: `${chart.id}-table`,
    // A hidden table must not take keyboard focus.
    scrollable: visibility !== "hidden",
  });
  const tableHtml =
    visibility === "visible"
      ? dataTable
      : visibility === "details"
        ? html`<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the data as a table</span></summary><div class="govuk-details__text">${dataTable}</div></details>`
        : html`<div class="govuk-visually-hidden">${dataTable}</div>`;
  return html`<figure class="kith-chart-figure" id="${chart.id}">${svg}${tableHtml}</figure>`;
}

/** Axis ticks from 0 in round steps (1, 2 or 5 × 10ⁿ) covering `max`, so every label is a round number. */
export function axisTicks(max: number, roughCount = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / roughCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((multiple) => multiple * magnitude >= rough) ?? 10) * magnitude;
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

/** SVG text does not wrap; long labels are shortened here and shown in full in the table. */
export function shorten(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

/** Two decimal places are plenty for coordinates and keep the markup small. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
