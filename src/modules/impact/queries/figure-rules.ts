// The rule behind each headline figure, in plain English, with its source. The same words are in
// docs/figures/<name>.md; a test checks that each doc quotes its rule, so the two cannot drift apart.

export const figureNames = [
  "social-value-per-pound",
  "sroi",
  "priority-share",
  "external-funding-per-pound",
] as const;
export type FigureName = (typeof figureNames)[number];

export type FigureRule = {
  title: string;
  rule: string[];
  source: string;
  numerator: string;
  denominator: string;
  /** The rows the CSV lists, for the link text. */
  rows: string;
};

export const figureRules: Record<FigureName, FigureRule> = {
  "social-value-per-pound": {
    title: "Social value for each £1 invested",
    rule: [
      "Each outcome a participant achieved in the period that names a value-bank outcome is valued at the bank's value for their age band and region, less the outcome's deadweight (the share that would have happened anyway).",
      "An outcome the same person was already valued for in the 12 months before is not valued again, and of two outcomes that must not be valued together only the larger counts.",
      "Values are stated at the period's prices: each value is multiplied by the GDP deflator for the period's year divided by the deflator for the bank's price year.",
      "The total is divided by the money spent in the period by operating projects (active or closed).",
    ],
    source:
      "HACT and Simetrica, Social Value Bank and wellbeing valuation method; HM Treasury, The Green Book (2022), for the GDP deflator and stating values at one year's prices.",
    numerator: "Social value of outcomes achieved in the period",
    denominator: "Money spent in the period",
    rows: "one row per outcome record and per spending line",
  },
  sroi: {
    title: "Social return on investment (SROI)",
    rule: [
      "For each project, its valued outcomes (the social value above, deadweight already taken off) are reduced by the project's attribution and displacement, and last for the project's benefit years, falling by its drop-off each year after the first.",
      "Each year's value is discounted at 3.5% a year: present value = the sum of value in year t divided by 1.035 to the power t.",
      "Inputs are the money each project spent in the period, or its secured funding for the period where it recorded no spending, plus all spending by projects with no valued outcomes.",
      "The ratio is the present value divided by the inputs.",
    ],
    source:
      "Cabinet Office, A Guide to Social Return on Investment (2012), stages 4 and 5; HM Treasury, The Green Book, 3.5% discount rate.",
    numerator: "Present value of the outcomes",
    denominator: "Inputs",
    rows: "one row per project",
  },
  "priority-share": {
    title: "Community development in priority neighbourhoods",
    rule: [
      "Count the sessions held in the period by projects marked as community development.",
      "Of those, count the sessions held in a priority neighbourhood: a 2021 neighbourhood (LSOA) in the organisation's areas whose Index of Multiple Deprivation decile is at or below the organisation's limit (decile 1 to 2 unless changed), plus neighbourhoods added by hand and less those removed, each with a reason.",
      "A session recorded without a neighbourhood counts in the total but not as priority.",
      "The share is the second count divided by the first; the target is at least 50%.",
    ],
    source:
      "Kith's own rule, set out in docs/figures/priority-share.md and docs/impact.md; deprivation from the English Indices of Deprivation (MHCLG).",
    numerator: "Community development sessions in priority neighbourhoods",
    denominator: "Community development sessions",
    rows: "one row per community development session",
  },
  "external-funding-per-pound": {
    title: "External funding for each £1 of internal investment",
    rule: [
      "Count secured funding of operating projects (active or closed); funding that is hoped for but not secured is left out.",
      "Funding is planned per calendar year, so the period takes each year's funding in proportion to the days of that year it covers.",
      "External funding (from other funders) is divided by internal investment (the organisation's own money).",
    ],
    source:
      "Kith's own rule for leverage, set out in docs/figures/external-funding-per-pound.md and docs/impact.md.",
    numerator: "External funding secured",
    denominator: "Internal investment",
    rows: "one row per funding record",
  },
};

export function isFigureName(value: string | undefined): value is FigureName {
  return figureNames.some((name) => name === value);
}
