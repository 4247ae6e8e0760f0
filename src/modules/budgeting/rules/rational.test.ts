import { describe, expect, it } from "vitest";
import { parseDecimal, Rational } from "./rational.ts";

const r = (n: bigint, d: bigint) => Rational.fraction(n, d);

describe("Rational", () => {
  it("normalises sign and common factors", () => {
    const x = r(6n, -4n);
    expect([x.num, x.den]).toEqual([-3n, 2n]);
    expect(r(0n, 5n).equals(Rational.ZERO)).toBe(true);
  });

  it("adds, subtracts, multiplies and divides exactly", () => {
    const third = r(1n, 3n);
    const sixth = r(1n, 6n);
    expect(third.add(sixth).toExactString()).toBe("0.5");
    expect(third.sub(sixth).equals(sixth)).toBe(true);
    expect(third.mul(r(3n, 1n)).equals(Rational.ONE)).toBe(true);
    expect(third.div(sixth).toExactString()).toBe("2");
  });

  it("keeps sums that floats get wrong exact (0.1 + 0.2 = 0.3)", () => {
    const sum = parseDecimal("0.1")?.add(parseDecimal("0.2") ?? Rational.ZERO);
    expect(sum?.equals(parseDecimal("0.3") ?? Rational.ONE)).toBe(true);
  });

  it("compares by cross-multiplication", () => {
    expect(r(2n, 3n).cmp(r(3n, 5n))).toBe(1);
    expect(r(-1n, 2n).lt(r(1n, 3n))).toBe(true);
    expect(r(4n, 6n).cmp(r(2n, 3n))).toBe(0);
  });

  it("prints exact decimals without float noise, and fractions when not decimal", () => {
    expect(parseDecimal("748772.64")?.toExactString()).toBe("748772.64");
    expect(r(1n, 3n).toExactString()).toBe("1/3");
    expect(r(-5n, 4n).toExactString()).toBe("-1.25");
    expect(r(74877264n, 869900n).toFixed(2)).toBe("86.08");
  });

  it("converts to a double even when numerator and denominator overflow a double", () => {
    const big = 10n ** 400n;
    expect(r(big, 3n * big).toNumber()).toBeCloseTo(1 / 3, 15);
  });

  it("divides by zero loudly", () => {
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(RangeError);
  });
});

describe("parseDecimal", () => {
  it("accepts dot or comma decimal points and signs", () => {
    expect(parseDecimal("1200")?.toExactString()).toBe("1200");
    expect(parseDecimal(" 0,5 ")?.toExactString()).toBe("0.5");
    expect(parseDecimal("-3.10")?.toExactString()).toBe("-3.1");
  });

  it("rejects text that is not a plain decimal", () => {
    for (const bad of ["", "abc", "1.2.3", "1e5", "12 000", "."]) expect(parseDecimal(bad)).toBeNull();
  });
});
