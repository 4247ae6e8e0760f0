import { describe, expect, it } from "vitest";
import { checkBrandColour, contrastRatio, formatRatio, normaliseHexColour } from "./contrast.ts";

describe("brand colour contrast", () => {
  it("computes WCAG ratios: black on white is 21:1, white on white 1:1", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // GOV.UK blue, a published reference: 5.17:1 on white.
    expect(contrastRatio("#1d70b8", "#ffffff")).toBeCloseTo(5.17, 2);
  });
  it("accepts short and upper-case hex codes, with or without #", () => {
    expect(normaliseHexColour("#ABC")).toBe("#aabbcc");
    expect(normaliseHexColour("1D4F91")).toBe("#1d4f91");
    expect(normaliseHexColour("navy")).toBeUndefined();
    expect(normaliseHexColour("#12345")).toBeUndefined();
  });
  it("cuts ratios down rather than rounding, so a failing colour never reads as passing", () => {
    expect(formatRatio(4.49)).toBe("4.4:1");
    expect(formatRatio(1.07)).toBe("1.0:1");
  });
  it("refuses a colour too light for white text, with its ratio", () => {
    const check = checkBrandColour("#ffdd00");
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain("#ffdd00 has a contrast ratio of 1.3:1");
    const nearMiss = checkBrandColour("#7a7a7a"); // 4.29:1
    expect(nearMiss.ok).toBe(false);
    if (!nearMiss.ok) expect(nearMiss.message).toMatch(/4\.2:1 .* at least 4\.5:1/);
  });
  it("accepts a dark enough colour, normalised", () => {
    expect(checkBrandColour(" #1D4F91 ")).toEqual({ ok: true, colour: "#1d4f91" });
    expect(checkBrandColour("#00625e")).toEqual({ ok: true, colour: "#00625e" });
  });
  it("asks for a hex code when given something else", () => {
    const check = checkBrandColour("dark blue");
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/hex code/);
  });
});
