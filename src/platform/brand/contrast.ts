// WCAG 2.2 contrast for an organisation's brand colour. The colour fills the header and
// banners behind white text, and colours badges and links on the white page, so it needs
// 4.5:1 against both (success criterion 1.4.3, text at normal size).

export const MINIMUM_CONTRAST = 4.5;
const WHITE = "#ffffff";

/** "#abc", "ABCDEF" or "#aabbcc" → "#aabbcc"; undefined when it is not a hex colour. */
export function normaliseHexColour(input: string): string | undefined {
  const hex = input.trim().replace(/^#/, "").toLowerCase();
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((digit) => digit + digit).join("")}`;
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  return undefined;
}

/** Kith's own brand colour, where an organisation has not set one. */
export const KITH_BRAND_COLOUR = "#1d70b8";

/**
 * A stored brand colour as "#rrggbb", or null. Colours are checked when saved; this keeps anything
 * else out of the stylesheets and documents (emails, reports) that the colour is written into.
 */
export function storedBrandColour(colour: string | null | undefined): string | null {
  return colour ? (normaliseHexColour(colour) ?? null) : null;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a "#rrggbb" colour (WCAG definition). */
export function relativeLuminance(colour: string): number {
  const value = Number.parseInt(colour.slice(1), 16);
  return (
    0.2126 * channel((value >> 16) & 255) +
    0.7152 * channel((value >> 8) & 255) +
    0.0722 * channel(value & 255)
  );
}

export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** Ratios are shown cut (not rounded) to one decimal place, so 4.47 never reads as a passing 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

export type ColourCheck = { ok: true; colour: string } | { ok: false; message: string };

/** The brand colour a person typed, checked against white text and the white page. */
export function checkBrandColour(input: string): ColourCheck {
  const colour = normaliseHexColour(input);
  if (!colour) return { ok: false, message: "Enter the colour as a hex code, like #1d4f91" };
  const ratio = contrastRatio(colour, WHITE);
  if (ratio < MINIMUM_CONTRAST) {
    return {
      ok: false,
      message: `Choose a darker colour: ${colour} has a contrast ratio of ${formatRatio(ratio)} with white text and the white page, and it must be at least ${MINIMUM_CONTRAST}:1`,
    };
  }
  return { ok: true, colour };
}
