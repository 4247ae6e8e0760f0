import { html, type SafeHtml } from "../../html.ts";
import { round, seriesColours, svgOpen, textColour } from "./chart-parts.ts";

export type ProgressBarOptions = {
  id: string;
  /** What is being measured, e.g. "Raised for the Westfield community garden". */
  label: string;
  value: number;
  target: number;
  /** Formats both numbers, e.g. formatPounds for pence. */
  formatValue?: (value: number) => string;
};

const WIDTH = 640;
const HEIGHT = 24;

/**
 * Campaign progress. The numbers and the percentage are always in the visible
 * text, so the bar itself only repeats them; its title and description say the
 * same for anyone who meets the image on its own. A table would add nothing for
 * two numbers, so this chart has none.
 */
export function progressBar(options: ProgressBarOptions): SafeHtml {
  const format = options.formatValue ?? ((value: number) => new Intl.NumberFormat("en-GB").format(value));
  const ratio = options.target > 0 ? options.value / options.target : 0;
  const percent = Math.floor(ratio * 100);
  const filled = round(Math.min(1, Math.max(0, ratio)) * WIDTH);
  const summary = `${format(options.value)} of ${format(options.target)} (${percent}%)`;
  return html`<div class="kith-progress" id="${options.id}"><p class="govuk-body govuk-!-margin-bottom-1"><span class="govuk-!-font-weight-bold">${options.label}</span></p>${svgOpen(
    {
      id: options.id,
      title: options.label,
      description: summary,
      width: WIDTH,
      height: HEIGHT,
      classes: "kith-chart--progress",
    },
  )}<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff" stroke="${textColour}" stroke-width="2"/><rect x="0" y="0" width="${filled}" height="${HEIGHT}" fill="${seriesColours[2]}"/></svg><p class="govuk-body kith-progress__text"><span class="govuk-!-font-weight-bold">${format(options.value)}</span> of ${format(options.target)} target <span class="govuk-!-font-weight-bold">(${percent}%)</span></p></div>`;
}
