// Kith's mark and logotype, drawn here as plain geometry so that the header SVG,
// the favicon SVG and the PNG/ICO icons all come from one drawing (no crown:
// Kith is not a GOV.UK service). The mark is a rounded square holding a "K"
// whose arms meet like two neighbouring roofs.

export type Point = [number, number];

/** Kith's brand colour: 7.2:1 against white text, so headers and buttons pass WCAG AA (and AAA). */
export const KITH_BRAND_COLOUR = "#00625e";

/** The mark sits in a 32 × 32 box: a rounded square, and the K as three polygons. */
export const markSize = 32;
export const markCornerRadius = 7;
export const markLetter: Point[][] = [
  // the stem
  [
    [8, 6],
    [13, 6],
    [13, 26],
    [8, 26],
  ],
  // the upper arm, rising to the right
  [
    [12, 17],
    [20, 6],
    [26, 6],
    [15.5, 20.5],
  ],
  // the lower leg, meeting the arm at the stem
  [
    [14.5, 14.5],
    [26, 26],
    [20, 26],
    [11.5, 17.5],
  ],
];

function polygonPath(points: Point[]): string {
  return `M${points.map(([x, y]) => `${x} ${y}`).join("L")}Z`;
}

/** The mark's square filled with `square`, and its letter with the attributes `letter`. */
function markElements(square: string, letter: string): string {
  return `<rect width="${markSize}" height="${markSize}" rx="${markCornerRadius}" fill="${square}"/><path ${letter} d="${markLetter.map(polygonPath).join("")}"/>`;
}

/** The favicon: the mark in Kith's colour with a white letter. */
export function faviconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${markSize} ${markSize}">${markElements(KITH_BRAND_COLOUR, 'fill="#fff"')}</svg>\n`;
}

// The word "Kith" as strokes 5 units wide on a 32-unit cap height, beside the mark.
const wordmarkStrokes = [
  "M45 3V29", // K stem
  "M61 3L47.5 18", // K arm
  "M51 14.5L62 29", // K leg
  "M69 12V29", // i stem
  "M81 5V24Q81 26.5 83.5 26.5H87", // t stem and foot
  "M76 12.5H87", // t bar
  "M93 3V29", // h stem
  "M93 20Q93 12.5 100 12.5Q107 12.5 107 20V29", // h shoulder
];

/**
 * The header logotype: mark and wordmark in the text colour. The letter takes the header's
 * colour from the stylesheet (.kith-logotype__letter), so it reads as cut out of the mark.
 */
export function logotypeSvg(): string {
  return `<svg class="kith-logotype" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 110 32" height="32" width="110" focusable="false" aria-hidden="true">${markElements("currentColor", 'class="kith-logotype__letter"')}<circle cx="69" cy="5" r="3" fill="currentColor"/><path fill="none" stroke="currentColor" stroke-width="5" d="${wordmarkStrokes.join("")}"/></svg>`;
}
