// Index of Multiple Deprivation deciles: decile 1 is the most deprived 10% of
// areas in England, decile 10 the least deprived. The scale runs from dark
// (most deprived) to light, and every swatch carries its number, so the
// colour is never the only way to read it.
import { html, type SafeHtml } from "../../html.ts";
import { type ChartBase, chartFigure, plainNumber, round, svgOpen, textColour } from "./chart-parts.ts";

/** GOV.UK blue from shade-50 to tint-95, one step per decile. */
export const decileColours = [
  "#0f385c",
  "#16548a",
  "#1a65a6",
  "#1d70b8",
  "#3b82c1",
  "#5694ca",
  "#76a9d4",
  "#8eb8dc",
  "#b7d1e9",
  "#d2e2f1",
] as const;

export function decileColour(decile: number): string {
  if (!Number.isInteger(decile) || decile < 1 || decile > 10)
    throw new RangeError(`IMD decile must be 1 to 10, got ${decile}`);
  return decileColours[decile - 1];
}

/** White text on deciles 1–4, black on 5–10: each pairing is at least 4.5:1. */
export function decileTextColour(decile: number): string {
  return decile <= 4 ? "#ffffff" : textColour;
}

export type DecileScaleOptions = ChartBase & {
  /** Marks one decile, e.g. the area a project serves. */
  highlight?: number;
  /** Optional count per decile (index 0 = decile 1), e.g. people helped; shown under the swatches and in the table. */
  counts?: number[];
  countLabel?: string;
};

const WIDTH = 640;
const SWATCH = 60;
const GAP = 4;
const LEFT = 2;

export function decileScale(options: DecileScaleOptions): SafeHtml {
  const hasCounts = Boolean(options.counts?.length);
  const top = 22;
  const height = top + SWATCH + 26 + (hasCounts ? 22 : 0);
  const swatches = decileColours.map((colour, index) => {
    const decile = index + 1;
    const x = LEFT + index * (SWATCH + GAP);
    const marked = options.highlight === decile;
    return html`<rect x="${x}" y="${top}" width="${SWATCH}" height="${SWATCH}" fill="${colour}"${
      marked ? html` stroke="${textColour}" stroke-width="4"` : ""
    }/><text x="${round(x + SWATCH / 2)}" y="${top + SWATCH / 2 + 7}" text-anchor="middle" font-size="20" font-weight="bold" fill="${decileTextColour(decile)}">${decile}</text>${
      marked
        ? html`<path d="M${round(x + SWATCH / 2 - 8)} 4H${round(x + SWATCH / 2 + 8)}L${round(x + SWATCH / 2)} 16Z" fill="${textColour}"/>`
        : ""
    }${
      hasCounts
        ? html`<text x="${round(x + SWATCH / 2)}" y="${top + SWATCH + 44}" text-anchor="middle" font-size="14" fill="${textColour}">${plainNumber(options.counts?.[index] ?? 0)}</text>`
        : ""
    }`;
  });
  const right = LEFT + 10 * SWATCH + 9 * GAP;
  const legend = html`<text x="${LEFT}" y="${top + SWATCH + 20}" font-size="14" fill="${textColour}">Most deprived</text><text x="${right}" y="${top + SWATCH + 20}" text-anchor="end" font-size="14" fill="${textColour}">Least deprived</text>`;
  const svg = html`${svgOpen({ id: options.id, title: options.title, description: options.description, width: WIDTH, height })}<g aria-hidden="true">${swatches}${legend}</g></svg>`;
  const describe = (decile: number) =>
    `${decile === 1 ? "Most deprived 10%" : decile === 10 ? "Least deprived 10%" : `${decile * 10 - 10}% to ${decile * 10}% most deprived`}${options.highlight === decile ? " (this area)" : ""}`;
  return chartFigure(options, svg, {
    head: [
      { text: "IMD decile" },
      { text: "Meaning" },
      ...(hasCounts ? [{ text: options.countLabel ?? "Count", numeric: true }] : []),
    ],
    rows: decileColours.map((_, index) => [
      String(index + 1),
      describe(index + 1),
      ...(hasCounts ? [plainNumber(options.counts?.[index] ?? 0)] : []),
    ]),
  });
}
