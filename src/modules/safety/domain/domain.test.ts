import { describe, expect, it } from "vitest";
import { redact, redactionTerms } from "./redaction.ts";
import { defaultRiskMatrix, riskMatrixDefinition, scoreRisk } from "./risk-matrix.ts";
import { monthsBefore } from "./settings.ts";

describe("risk matrix", () => {
  const answers = Object.fromEntries(defaultRiskMatrix.definition.questions.map((q) => [q.key, "no"]));
  it("bands scores at the matrix thresholds", () => {
    expect(scoreRisk(defaultRiskMatrix.definition, { ...answers, frequency: "once" })).toEqual({
      score: 0,
      band: "standard",
    });
    expect(scoreRisk(defaultRiskMatrix.definition, { ...answers, frequency: "daily", fear: "yes" })).toEqual({
      score: 6,
      band: "medium",
    });
    expect(
      scoreRisk(defaultRiskMatrix.definition, {
        ...answers,
        frequency: "daily",
        fear: "yes",
        violence: "yes",
        vulnerable: "yes",
      }),
    ).toEqual({ score: 13, band: "high" });
  });
  it("refuses answers out of range and unknown questions", () => {
    expect(() => scoreRisk(defaultRiskMatrix.definition, { ...answers, frequency: "sometimes" })).toThrow(
      /out of range/,
    );
    expect(() =>
      scoreRisk(defaultRiskMatrix.definition, { ...answers, frequency: "once", extra: "yes" }),
    ).toThrow(/out of range/);
  });
  it("refuses a matrix whose high band does not start above medium", () => {
    expect(
      riskMatrixDefinition.safeParse({ ...defaultRiskMatrix.definition, bands: { medium: 10, high: 5 } })
        .success,
    ).toBe(false);
  });
});

describe("redaction", () => {
  it("removes names, name parts, addresses and contacts of other parties, but not the complainant's own name", () => {
    const terms = redactionTerms(
      [{ displayName: "Kyle Fenwick", address: "3 Moor Lane, Gillingham", contact: "07700 900123" }],
      ["Ruth Fenwick"],
    );
    expect(redact("Kyle Fenwick of 3 Moor Lane (07700 900123) met KYLE", terms)).toBe(
      "[redacted] of [redacted] ([redacted]) met [redacted]",
    );
    expect(redact("Ruth Fenwick called", terms)).toBe("Ruth Fenwick called");
  });
});

describe("windows", () => {
  it("counts months back, clamping to the end of shorter months", () => {
    expect(monthsBefore("2026-08-31", 6)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 12)).toBe("2025-01-15");
  });
});
