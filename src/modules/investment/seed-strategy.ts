import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { createChangeTemplate, createIndicator, createTheme } from "./commands/define-strategy.ts";

// The demo strategy: the three themes from a real housing association's community investment
// strategy, plus a cross-cutting quality theme, each with intended outcomes and an options map.

const themes = [
  {
    code: "wellbeing",
    name: "Promoting wellbeing and preventing crisis",
    outcomes: [
      "Residents in crisis get the essentials they need",
      "Older residents are less isolated",
      "Residents manage money and debt better",
    ],
  },
  {
    code: "resilient-communities",
    name: "Building active, resilient communities",
    outcomes: [
      "More residents take part in community life",
      "Young people have positive things to do",
      "Community groups are stronger",
    ],
  },
  {
    code: "employability",
    name: "Strengthening employability, skills and enterprise",
    outcomes: [
      "Residents move into work or training",
      "Residents gain skills and qualifications",
      "Social enterprises grow",
    ],
  },
  {
    code: "quality",
    name: "Quality, learning and partnership",
    crossCutting: true,
    outcomes: ["Services are shaped by residents", "Services meet quality standards"],
  },
];

const indicators: {
  themeCode: string;
  outcome: string;
  code: string;
  name: string;
  level: "individual" | "community" | "business";
  unit: "count" | "percent";
  base: number;
  step: number;
}[] = [
  {
    themeCode: "wellbeing",
    outcome: "Residents in crisis get the essentials they need",
    code: "W-I1",
    name: "Households given crisis support",
    level: "individual",
    unit: "count",
    base: 900,
    step: 100,
  },
  {
    themeCode: "wellbeing",
    outcome: "Older residents are less isolated",
    code: "W-I2",
    name: "Participants reporting better wellbeing",
    level: "individual",
    unit: "percent",
    base: 55,
    step: 5,
  },
  {
    themeCode: "wellbeing",
    outcome: "Residents manage money and debt better",
    code: "W-C1",
    name: "Food and fuel partners supported",
    level: "community",
    unit: "count",
    base: 8,
    step: 2,
  },
  {
    themeCode: "wellbeing",
    outcome: "Residents in crisis get the essentials they need",
    code: "W-B1",
    name: "Local suppliers providing essentials",
    level: "business",
    unit: "count",
    base: 4,
    step: 1,
  },
  {
    themeCode: "resilient-communities",
    outcome: "More residents take part in community life",
    code: "R-I1",
    name: "Residents volunteering",
    level: "individual",
    unit: "count",
    base: 150,
    step: 25,
  },
  {
    themeCode: "resilient-communities",
    outcome: "Community groups are stronger",
    code: "R-C1",
    name: "Active community groups supported",
    level: "community",
    unit: "count",
    base: 30,
    step: 5,
  },
  {
    themeCode: "resilient-communities",
    outcome: "Young people have positive things to do",
    code: "R-I2",
    name: "Young people attending regularly",
    level: "individual",
    unit: "count",
    base: 250,
    step: 50,
  },
  {
    themeCode: "resilient-communities",
    outcome: "Community groups are stronger",
    code: "R-B1",
    name: "Groups with their own funding secured",
    level: "business",
    unit: "count",
    base: 10,
    step: 3,
  },
  {
    themeCode: "employability",
    outcome: "Residents move into work or training",
    code: "E-I1",
    name: "Residents into work",
    level: "individual",
    unit: "count",
    base: 80,
    step: 20,
  },
  {
    themeCode: "employability",
    outcome: "Residents gain skills and qualifications",
    code: "E-I2",
    name: "Qualifications gained",
    level: "individual",
    unit: "count",
    base: 120,
    step: 20,
  },
  {
    themeCode: "employability",
    outcome: "Residents move into work or training",
    code: "E-C1",
    name: "Employers engaged",
    level: "community",
    unit: "count",
    base: 25,
    step: 5,
  },
  {
    themeCode: "employability",
    outcome: "Social enterprises grow",
    code: "E-B1",
    name: "Social enterprises supported",
    level: "business",
    unit: "count",
    base: 6,
    step: 2,
  },
  {
    themeCode: "quality",
    outcome: "Services are shaped by residents",
    code: "Q-C1",
    name: "Services with residents on the steering group",
    level: "community",
    unit: "percent",
    base: 60,
    step: 10,
  },
  {
    themeCode: "quality",
    outcome: "Services meet quality standards",
    code: "Q-B1",
    name: "Services within budget",
    level: "business",
    unit: "percent",
    base: 85,
    step: 5,
  },
];

export const seedTemplates = [
  {
    key: "social",
    name: "Social connection",
    inputs: "Community development worker, hall hire, volunteer drivers, refreshments",
    activities: "Weekly lunch clubs, coffee mornings and trips for older residents",
    outputs: "Sessions held, attendances, volunteer hours",
    outcomes: "Older residents are less lonely and more active",
    indicatorCodes: ["W-I2", "R-I1"],
  },
  {
    key: "crisis",
    name: "Crisis support",
    inputs: "Hardship fund, money advisers, food bank partners",
    activities: "Emergency food and fuel vouchers, benefits checks, debt advice",
    outputs: "Households supported, vouchers issued, advice sessions",
    outcomes: "Residents get through crisis and manage money better",
    indicatorCodes: ["W-I1", "W-C1"],
  },
  {
    key: "employability",
    name: "Employability coaching",
    inputs: "Employment coaches, training budget, employer partners",
    activities: "One-to-one coaching, job clubs, accredited courses, work placements",
    outputs: "Coaching sessions, courses completed, placements",
    outcomes: "Residents gain skills and move into work",
    indicatorCodes: ["E-I1", "E-I2", "E-C1"],
  },
  {
    key: "youth",
    name: "Youth activities",
    inputs: "Youth workers, sports coaches, venue hire",
    activities: "Evening sports, youth clubs and holiday activities",
    outputs: "Sessions held, young people attending",
    outcomes: "Young people are more confident and active",
    indicatorCodes: ["R-I2"],
  },
  {
    key: "hub",
    name: "Community hub",
    inputs: "Hub coordinator, building, small grants",
    activities: "Drop-ins, volunteering, group meetings, events",
    outputs: "Visits, groups hosted, volunteer hours",
    outcomes: "Residents take part and neighbourhoods feel safer",
    indicatorCodes: ["R-C1", "R-I1"],
  },
] as const;
export type TemplateKey = (typeof seedTemplates)[number]["key"];

function financialYearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

export async function seedStrategy(db: Db, actor: Actor, now: Date): Promise<Map<TemplateKey, string>> {
  for (const theme of themes) await createTheme(db, actor, now, theme);
  const firstYear = now.getUTCFullYear() - 3;
  for (const indicator of indicators) {
    await createIndicator(db, actor, now, {
      themeCode: indicator.themeCode,
      outcomeName: indicator.outcome,
      code: indicator.code,
      name: indicator.name,
      level: indicator.level,
      unit: indicator.unit,
      targets: [0, 1, 2, 3].map((i) => ({
        period: financialYearLabel(firstYear + i),
        baseline: i === 0 ? indicator.base - indicator.step : null,
        target: Math.min(indicator.unit === "percent" ? 100 : 1e9, indicator.base + i * indicator.step),
      })),
    });
  }
  const ids = new Map<TemplateKey, string>();
  for (const template of seedTemplates) {
    const { key, ...input } = template;
    ids.set(
      key,
      (await createChangeTemplate(db, actor, now, { ...input, indicatorCodes: [...input.indicatorCodes] }))
        .id,
    );
  }
  return ids;
}
