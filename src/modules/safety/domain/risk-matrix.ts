import { z } from "zod";
import { invalid } from "../../../platform/http/problem.ts";

// Victim-harm risk matrix: questions with weighted answers, score bands, review cadence per band.
// Versioned data: every assessment stores the version it used, so old scores stay explainable.

export const riskBands = ["standard", "medium", "high"] as const;
export type RiskBand = (typeof riskBands)[number];

export const riskMatrixDefinition = z
  .object({
    questions: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z0-9-]+$/),
          text: z.string().min(1),
          options: z
            .array(
              z.object({
                value: z.string().min(1),
                text: z.string().min(1),
                weight: z.number().int().min(0).max(100),
              }),
            )
            .min(2),
        }),
      )
      .min(1),
    // Minimum score for each band above standard; high must be above medium.
    bands: z
      .object({ medium: z.number().int().min(1), high: z.number().int().min(1) })
      .refine((b) => b.high > b.medium, {
        message: "The high band must start above the medium band",
      }),
    reviewDays: z.object({
      standard: z.number().int().min(1).max(365),
      medium: z.number().int().min(1).max(365),
      high: z.number().int().min(1).max(365),
    }),
  })
  .superRefine((matrix, ctx) => {
    // Sanity beyond the shape: keys and answers are unique, and every band can be reached.
    const keys = matrix.questions.map((q) => q.key);
    matrix.questions.forEach((question, index) => {
      if (keys.indexOf(question.key) !== index)
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "key"],
          message: `Question ${question.key} appears twice`,
        });
      const values = question.options.map((o) => o.value);
      if (new Set(values).size !== values.length)
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "options"],
          message: `Question ${question.key} has the same answer twice`,
        });
    });
    const highest = matrix.questions.reduce((sum, q) => sum + Math.max(...q.options.map((o) => o.weight)), 0);
    if (matrix.bands.high > highest)
      ctx.addIssue({
        code: "custom",
        path: ["bands", "high"],
        message: `The high band starts at ${matrix.bands.high}, but the highest possible score is ${highest}`,
      });
  });
export type RiskMatrixDefinition = z.infer<typeof riskMatrixDefinition>;

const yesNo = (yes: number) => [
  { value: "no", text: "No", weight: 0 },
  { value: "yes", text: "Yes", weight: yes },
];

/** Kith's default, in the style of police ASB risk assessment matrices (standard / medium / high). */
export const defaultRiskMatrix: { version: number; name: string; definition: RiskMatrixDefinition } = {
  version: 1,
  name: "Kith victim-harm matrix",
  definition: {
    questions: [
      {
        key: "frequency",
        text: "How often is it happening?",
        options: [
          { value: "once", text: "Once", weight: 0 },
          { value: "monthly", text: "About monthly", weight: 1 },
          { value: "weekly", text: "Weekly", weight: 2 },
          { value: "daily", text: "Daily or more", weight: 3 },
        ],
      },
      { key: "targeted", text: "Is the victim being targeted personally?", options: yesNo(3) },
      {
        key: "hate",
        text: "Does the victim think it is motivated by hostility to who they are?",
        options: yesNo(3),
      },
      { key: "fear", text: "Is the victim afraid to leave or stay in their home?", options: yesNo(3) },
      { key: "health", text: "Is it affecting the victim's physical or mental health?", options: yesNo(2) },
      {
        key: "vulnerable",
        text: "Is the victim vulnerable (disability, age, illness, isolation)?",
        options: yesNo(3),
      },
      { key: "children", text: "Are children in the household affected?", options: yesNo(2) },
      { key: "violence", text: "Has there been violence or a threat of violence?", options: yesNo(4) },
      {
        key: "considered-moving",
        text: "Has the victim thought about moving because of it?",
        options: yesNo(1),
      },
    ],
    bands: { medium: 6, high: 12 },
    reviewDays: { standard: 28, medium: 21, high: 14 },
  },
};

export type RiskScore = { score: number; band: RiskBand };

/** Scores answers against a matrix. An unanswered question or an answer not on the list is a 422. */
export function scoreRisk(definition: RiskMatrixDefinition, answers: Record<string, string>): RiskScore {
  const errors: Record<string, string> = {};
  let score = 0;
  for (const question of definition.questions) {
    const answer = answers[question.key];
    const option = question.options.find((o) => o.value === answer);
    if (answer === undefined || answer === "") errors[question.key] = `Answer: ${question.text}`;
    else if (!option) errors[question.key] = `Choose one of the answers for: ${question.text}`;
    else score += option.weight;
  }
  const unknown = Object.keys(answers).filter((key) => !definition.questions.some((q) => q.key === key));
  for (const key of unknown) errors[key] = `There is no question "${key}" in this risk matrix`;
  if (Object.keys(errors).length > 0) throw invalid("Some risk answers are missing or out of range.", errors);
  const band: RiskBand =
    score >= definition.bands.high ? "high" : score >= definition.bands.medium ? "medium" : "standard";
  return { score, band };
}
