import { html, type SafeHtml } from "../../html.ts";
import {
  axisTicks,
  type ChartBase,
  chartFigure,
  gridColour,
  plainNumber,
  round,
  secondaryTextColour,
  seriesColours,
  svgOpen,
  textColour,
  type ValueFormatter,
} from "./chart-parts.ts";

export type LineSeries = { name: string; values: (number | null)[] };

export type LineChartOptions = ChartBase & {
  /** Labels along the x axis, oldest first: "Apr 2026", "Q1 2026/27". */
  periods: string[];
  series: LineSeries[];
  periodLabel?: string;
  formatValue?: ValueFormatter;
  /** What the data table says for a gap, e.g. "fewer than 5" where a small count is suppressed. */
  nullLabel?: string;
};

const WIDTH = 640;
const HEIGHT = 340;
const LEFT = 72;
const RIGHT = 24;
const LEGEND_ROW = 22;
const BOTTOM = 36;
const dashes = [undefined, "8 4", "2 4", "12 4 2 4"];

function marker(shape: number, cx: number, cy: number, colour: string): SafeHtml {
  switch (shape % 4) {
    case 1:
      return html`<rect x="${round(cx - 4.5)}" y="${round(cy - 4.5)}" width="9" height="9" fill="${colour}"/>`;
    case 2:
      return html`<path d="M${round(cx)} ${round(cy - 6)}L${round(cx + 6)} ${round(cy + 4.5)}H${round(cx - 6)}Z" fill="${colour}"/>`;
    case 3:
      return html`<path d="M${round(cx)} ${round(cy - 6)}L${round(cx + 6)} ${round(cy)}L${round(cx)} ${round(cy + 6)}L${round(cx - 6)} ${round(cy)}Z" fill="${colour}"/>`;
    default:
      return html`<circle cx="${round(cx)}" cy="${round(cy)}" r="5" fill="${colour}"/>`;
  }
}

/** Trend over periods for one or more series; gaps (null) break the line. */
export function lineChart(options: LineChartOptions): SafeHtml {
  const format = options.formatValue ?? plainNumber;
  const values = options.series.flatMap((series) =>
    series.values.filter((value): value is number => value !== null),
  );
  const tickValues = axisTicks(Math.max(0, ...values));
  const maximum = tickValues[tickValues.length - 1];
  const legendHeight = Math.ceil(options.series.length / 3) * LEGEND_ROW + 8;
  const top = legendHeight + 8;
  const plotHeight = HEIGHT - top - BOTTOM;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const step = options.periods.length > 1 ? plotWidth / (options.periods.length - 1) : 0;
  const x = (index: number) => LEFT + (options.periods.length > 1 ? index * step : plotWidth / 2);
  const y = (value: number) => top + plotHeight - (value / maximum) * plotHeight;
  // Label at most about eight periods so the x axis never overlaps.
  const labelEvery = Math.max(1, Math.ceil(options.periods.length / 8));

  const grid = tickValues.map(
    (tick) =>
      html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="${gridColour}" stroke-width="1"/><text x="${LEFT - 8}" y="${round(y(tick) + 4)}" text-anchor="end" font-size="12" fill="${textColour}">${format(tick)}</text>`,
  );
  const xLabels = options.periods.map((period, index) =>
    index % labelEvery === 0 || index === options.periods.length - 1
      ? html`<text x="${round(x(index))}" y="${HEIGHT - BOTTOM + 20}" text-anchor="middle" font-size="12" fill="${secondaryTextColour}">${period}</text>`
      : "",
  );
  const lines = options.series.map((series, seriesIndex) => {
    const colour = seriesColours[seriesIndex % seriesColours.length];
    let d = "";
    let penDown = false;
    series.values.forEach((value, index) => {
      if (value === null) {
        penDown = false;
        return;
      }
      d += `${penDown ? "L" : "M"}${round(x(index))} ${round(y(value))}`;
      penDown = true;
    });
    const points = series.values.map((value, index) =>
      value === null ? "" : marker(seriesIndex, x(index), y(value), colour),
    );
    const dash = dashes[seriesIndex % dashes.length];
    return html`<path d="${d}" fill="none" stroke="${colour}" stroke-width="3" stroke-linejoin="round"${dash ? html` stroke-dasharray="${dash}"` : ""}/>${points}`;
  });
  const legend = options.series.map((series, seriesIndex) => {
    const colour = seriesColours[seriesIndex % seriesColours.length];
    const lx = LEFT + (seriesIndex % 3) * 180;
    const ly = 8 + Math.floor(seriesIndex / 3) * LEGEND_ROW + 8;
    const dash = dashes[seriesIndex % dashes.length];
    return html`<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="3"${dash ? html` stroke-dasharray="${dash}"` : ""}/>${marker(seriesIndex, lx + 14, ly, colour)}<text x="${lx + 36}" y="${ly + 5}" font-size="14" fill="${textColour}">${series.name}</text>`;
  });
  const svg = html`${svgOpen({ id: options.id, title: options.title, description: options.description, width: WIDTH, height: HEIGHT })}<g aria-hidden="true">${grid}${xLabels}<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${round(y(0))}" y2="${round(y(0))}" stroke="${textColour}" stroke-width="1"/>${lines}${legend}</g></svg>`;
  return chartFigure(options, svg, {
    head: [
      { text: options.periodLabel ?? "Period" },
      ...options.series.map((series) => ({ text: series.name, numeric: true })),
    ],
    rows: options.periods.map((period, index) => [
      period,
      ...options.series.map((series) => {
        const value = series.values[index];
        return value === null || value === undefined ? (options.nullLabel ?? "No data") : format(value);
      }),
    ]),
  });
}
