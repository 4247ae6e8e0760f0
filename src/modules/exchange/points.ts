import type { Theme } from "./schema.ts";

/**
 * Social value tender points, transparent and configurable per contract:
 *
 * 1. Each pledge counts at its value times its theme's weight (10000 bp = in full).
 *    A pledge under a theme the tender does not ask for counts for nothing.
 * 2. Weighted pledges worth `fullMarksShareBp` of the contract value earn full marks.
 * 3. Points = weighting × weighted value ÷ full-marks value, capped at the weighting.
 *
 * Points are in hundredths (1000 = 10.00 marks) and always round down, so a
 * supplier is never given a mark they did not earn. BigInt keeps big contracts exact.
 */
export type PointsRules = {
  valuePence: number;
  weightingBp: number;
  themes: Theme[];
  themeWeights: Partial<Record<Theme, number>>;
  fullMarksShareBp: number;
};

export type PointsLine = {
  reference: string;
  theme: Theme;
  valuePence: number;
  weightBp: number;
  countedPence: number;
  note: string | null;
};

export type PointsResult = {
  lines: PointsLine[];
  weightedPence: number;
  fullMarksPence: number;
  /** Hundredths of a mark: 750 = 7.50. */
  points: number;
  maxPoints: number;
};

export function socialValuePoints(
  rules: PointsRules,
  pledges: { reference: string; theme: Theme; valuePence: number }[],
): PointsResult {
  const lines = pledges.map((pledge) => {
    const asked = rules.themes.includes(pledge.theme);
    const weightBp = asked ? (rules.themeWeights[pledge.theme] ?? 10_000) : 0;
    const countedPence = Number((BigInt(pledge.valuePence) * BigInt(weightBp)) / 10_000n);
    return {
      ...pledge,
      weightBp,
      countedPence,
      note: asked ? null : "The tender does not ask for this theme",
    };
  });
  const weightedPence = lines.reduce((sum, line) => sum + line.countedPence, 0);
  const fullMarksPence = Number((BigInt(rules.valuePence) * BigInt(rules.fullMarksShareBp)) / 10_000n);
  const raw =
    fullMarksPence > 0 ? (BigInt(rules.weightingBp) * BigInt(weightedPence)) / BigInt(fullMarksPence) : 0n;
  const points = Number(raw > BigInt(rules.weightingBp) ? BigInt(rules.weightingBp) : raw);
  return { lines, weightedPence, fullMarksPence, points, maxPoints: rules.weightingBp };
}

/** 750 → "7.50". */
export function formatPoints(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}
