import type { TemplateKey } from "./seed-strategy.ts";

// What the demo organisation runs, and where.

export type Plan = {
  template: TemplateKey;
  title: string;
  themes: string[];
  depth: "light" | "in-depth" | "mixed";
  everyDays: number;
  codes: string[];
  cd: boolean;
};
export const plans: Plan[] = [
  {
    template: "social",
    title: "Lunch Club",
    themes: ["wellbeing", "resilient-communities"],
    depth: "light",
    everyDays: 7,
    codes: ["SOC-LONELY", "SOC-GROUP"],
    cd: true,
  },
  {
    template: "social",
    title: "Warm Space",
    themes: ["wellbeing"],
    depth: "light",
    everyDays: 7,
    codes: ["SOC-LONELY"],
    cd: true,
  },
  {
    template: "crisis",
    title: "Household Essentials",
    themes: ["wellbeing"],
    depth: "in-depth",
    everyDays: 14,
    codes: ["FIN-DEBT", "FIN-CONF", "HLT-ANX"],
    cd: false,
  },
  {
    template: "crisis",
    title: "Money Matters Advice",
    themes: ["wellbeing", "quality"],
    depth: "in-depth",
    everyDays: 14,
    codes: ["FIN-DEBT", "FIN-CONF"],
    cd: false,
  },
  {
    template: "employability",
    title: "Job Club",
    themes: ["employability"],
    depth: "in-depth",
    everyDays: 7,
    codes: ["EMP-FT", "EMP-PT", "EMP-TRAIN"],
    cd: false,
  },
  {
    template: "employability",
    title: "Digital Skills",
    themes: ["employability"],
    depth: "mixed",
    everyDays: 14,
    codes: ["SKL-DIGITAL", "EMP-TRAIN"],
    cd: false,
  },
  {
    template: "youth",
    title: "Youth Nights",
    themes: ["resilient-communities"],
    depth: "light",
    everyDays: 7,
    codes: ["YTH-CONFIDENT", "HLT-ACTIVE"],
    cd: true,
  },
  {
    template: "hub",
    title: "Community Hub",
    themes: ["resilient-communities", "quality"],
    depth: "mixed",
    everyDays: 7,
    codes: ["SOC-VOLUNTEER", "NBH-SAFE", "SOC-GROUP"],
    cd: true,
  },
  {
    template: "hub",
    title: "Community Garden",
    themes: ["resilient-communities", "wellbeing"],
    depth: "light",
    everyDays: 14,
    codes: ["HLT-ACTIVE", "SOC-VOLUNTEER"],
    cd: true,
  },
];
export const towns: { laCode: string; town: string }[] = [
  { laCode: "E06000035", town: "Chatham" },
  { laCode: "E07000114", town: "Margate" },
  { laCode: "E07000113", town: "Sittingbourne" },
  { laCode: "E07000110", town: "Maidstone" },
  { laCode: "E07000112", town: "Folkestone" },
  { laCode: "E07000106", town: "Canterbury" },
];
export const stories = [
  "I hadn't spoken to anyone for days before I came. Now Tuesday is the best day of my week.",
  "The adviser sorted my benefits and a payment plan for my arrears. I can sleep again.",
  "The coach helped me with my CV and practised interviews with me. I started at the warehouse last month.",
  "My son used to be out on the streets at night. Now he's at football and talking about becoming a coach.",
  "I came for the digital class and ended up volunteering to help others get online.",
  "When the boiler broke and I had nothing in the cupboards, the essentials fund kept us going.",
  "The garden gave me somewhere to be. My anxiety is much better and I've made friends.",
];
export const externalFunders = [
  "National Lottery Community Fund",
  "Kent County Council",
  "Medway Council",
  "Local partners' fund",
  "Section 106 contributions",
  "Trust and foundation grants",
];
