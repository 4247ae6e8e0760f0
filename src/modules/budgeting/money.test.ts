import { describe, expect, it } from "vitest";
import { formatMoney, parsePounds } from "./money.ts";

describe("money and dates as people type and read them", () => {
  it("reads pounds as whole pence, with or without £, commas and pennies", () => {
    expect(parsePounds("£1,250")).toBe(125_000);
    expect(parsePounds("1250.5")).toBe(125_050);
    expect(parsePounds(" 0.07 ")).toBe(7);
  });

  it("refuses negatives, words, and fractions of a penny", () => {
    expect(parsePounds("-5")).toBeNull();
    expect(parsePounds("ten")).toBeNull();
    expect(parsePounds("1.005")).toBeNull();
  });

  it("shows pennies only when there are some, and other currencies by code", () => {
    expect(formatMoney(125_000)).toBe("£1,250");
    expect(formatMoney(125_050)).toBe("£1,250.50");
    expect(formatMoney(100_000, "PLN")).toBe("1,000 PLN");
  });
});
