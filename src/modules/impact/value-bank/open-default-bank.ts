import { ageBands, regions } from "../age-region.ts";
import type { ParsedValueBank } from "./csv-format.ts";

/**
 * Kith's open default value bank.
 *
 * HACT's Social Value Bank is licensed and may not be shipped, so Kith ships values built from
 * HM Treasury's Green Book supplementary guidance on wellbeing (2021, Open Government Licence v3.0):
 * one WELLBY (a one-point change in life satisfaction on the 0-10 scale, for one person, for one year)
 * is valued at £13,000 in 2019 prices. Each outcome's value = its life-satisfaction effect × £13,000.
 *
 * The Green Book does not vary the WELLBY by age or region, so every band holds the same value.
 * The life-satisfaction effects and deadweights below are Kith's stated assumptions, drawn from the
 * general size of effects in the wellbeing literature; an organisation should review them, or import
 * a licensed bank (docs/impact-value-bank.md), before publishing figures.
 */
export const wellbyPence = 1_300_000;
export const openDefaultBankSource =
  "HM Treasury Green Book wellbeing guidance (2021), £13,000 per WELLBY at 2019 prices; life-satisfaction effects are Kith assumptions";
export const openDefaultBankLicence = "Open Government Licence v3.0 (WELLBY value); Kith assumptions CC0";

const outcomes: { code: string; name: string; category: string; wellbys: number }[] = [
  {
    code: "EMP-FT",
    name: "Moved from unemployment into full-time work",
    category: "employment",
    wellbys: 0.6,
  },
  {
    code: "EMP-PT",
    name: "Moved from unemployment into part-time work",
    category: "employment",
    wellbys: 0.35,
  },
  { code: "EMP-TRAIN", name: "Completed vocational training", category: "skills", wellbys: 0.1 },
  { code: "SKL-DIGITAL", name: "Gained basic digital skills", category: "skills", wellbys: 0.05 },
  { code: "FIN-DEBT", name: "Relief from heavy debt", category: "financial", wellbys: 0.25 },
  { code: "FIN-CONF", name: "More confident managing money", category: "financial", wellbys: 0.1 },
  { code: "HLT-ANX", name: "Relief from depression or anxiety", category: "health", wellbys: 0.8 },
  { code: "HLT-ACTIVE", name: "Took up regular physical activity", category: "health", wellbys: 0.15 },
  { code: "SOC-LONELY", name: "Less often lonely", category: "social", wellbys: 0.4 },
  { code: "SOC-GROUP", name: "Active member of a community group", category: "social", wellbys: 0.1 },
  { code: "SOC-VOLUNTEER", name: "Volunteers regularly", category: "social", wellbys: 0.12 },
  { code: "YTH-CONFIDENT", name: "Young person more confident", category: "youth", wellbys: 0.08 },
  { code: "NBH-SAFE", name: "Feels safer in the neighbourhood", category: "neighbourhood", wellbys: 0.1 },
];

const deadweight: [string, number][] = [
  ["employment", 25],
  ["skills", 15],
  ["financial", 20],
  ["health", 20],
  ["social", 15],
  ["youth", 15],
  ["neighbourhood", 20],
];

export function openDefaultBank(): ParsedValueBank {
  return {
    outcomes: outcomes.map((outcome) => {
      const pence = Math.round(outcome.wellbys * wellbyPence);
      return {
        code: outcome.code,
        name: outcome.name,
        category: outcome.category,
        values: Object.fromEntries(
          ageBands.map((band) => [band, Object.fromEntries(regions.map((region) => [region, pence]))]),
        ) as ParsedValueBank["outcomes"][number]["values"],
      };
    }),
    deadweight: new Map(deadweight),
    // Full-time and part-time work draw on the same benefit; so do the two money outcomes.
    exclusions: [
      ["EMP-FT", "EMP-PT"],
      ["FIN-CONF", "FIN-DEBT"],
    ],
  };
}
