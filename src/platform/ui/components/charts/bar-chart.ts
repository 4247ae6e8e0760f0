import { html, type SafeHtml } from "../../html.ts";
import {
  axisTicks,
  type ChartBase,
  chartFigure,
  gridColour,
  plainNumber,
  round,
  seriesColours,
  shorten,
  svgOpen,
  textColour,
  type ValueFormatter,
} from "./chart-parts.ts";

export type BarChartOptions = ChartBase & {
  bars: { label: string; value: number }[];
  /** Column heading for the values in the data table, e.g. "Amount awarded". */
  valueLabel: string;
  categoryLabel?: string;
  formatValue?: ValueFormatter;
  colour?: string;
};

const WIDTH = 640;
const LABEL_WIDTH = 190;
const VALUE_SPACE = 90;
const ROW = 36;
const TOP = 8;
const AXIS = 28;

/** Horizontal bars: category labels stay readable however long they are. */
export function barChart(options: BarChartOptions): SafeHtml {
  const format = options.formatValue ?? plainNumber;
  const tickValues = axisTicks(Math.max(0, ...options.bars.map((bar) => bar.value)));
  const maximum = tickValues[tickValues.length - 1];
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const height = TOP + options.bars.length * ROW + AXIS;
  const x = (value: number) => round(LABEL_WIDTH + (Math.max(0, value) / maximum) * plotWidth);
  const bottom = TOP + options.bars.length * ROW;
  const grid = tickValues.map(
    (tick) =>
      html`<line x1="${x(tick)}" x2="${x(tick)}" y1="${TOP}" y2="${bottom}" stroke="${gridColour}" stroke-width="1"/><text x="${x(tick)}" y="${bottom + 18}" text-anchor="middle" font-size="12" fill="${textColour}">${format(tick)}</text>`,
  );
  const bars = options.bars.map((bar, index) => {
    const y = TOP + index * ROW;
    return html`<text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 5}" text-anchor="end" font-size="14" fill="${textColour}">${shorten(bar.label, 26)}</text><rect x="${LABEL_WIDTH}" y="${y + 6}" width="${round(x(bar.value) - LABEL_WIDTH)}" height="${ROW - 12}" fill="${options.colour ?? seriesColours[0]}"/><text x="${x(bar.value) + 6}" y="${y + ROW / 2 + 5}" font-size="14" font-weight="bold" fill="${textColour}">${format(bar.value)}</text>`;
  });
  const svg = html`${svgOpen({ id: options.id, title: options.title, description: options.description, width: WIDTH, height })}<g aria-hidden="true">${grid}${bars}<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="${TOP}" y2="${bottom}" stroke="${textColour}" stroke-width="1"/></g></svg>`;
  return chartFigure(options, svg, {
    head: [{ text: options.categoryLabel ?? "Category" }, { text: options.valueLabel, numeric: true }],
    rows: options.bars.map((bar) => [bar.label, format(bar.value)]),
  });
}
