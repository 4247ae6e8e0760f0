import { z } from "zod";
import { requiredText } from "../../platform/http/fields.ts";
import { answers, indicatorLevels, indicatorUnits } from "./schema.ts";

// Input rules for changing a project or the strategy after it was created (pages and API share them).

const answer = (what: string) => z.enum(answers, { error: `Choose whether ${what}` });

export const lifeAnswersInput = z.object({
  need: answer("there is a genuine need"),
  bestPlaced: answer("we are best placed"),
  canResource: answer("we can resource it"),
});

export const theoryOfChangeInput = z
  .object({
    changeTemplateId: z.uuid({ error: "Choose a theory of change from the list" }).nullable().default(null),
    theoryOfChange: z
      .object({
        inputs: z.string().trim().max(4000, { error: "Inputs must be 4000 characters or fewer" }),
        activities: z.string().trim().max(4000, { error: "Activities must be 4000 characters or fewer" }),
        outputs: z.string().trim().max(4000, { error: "Outputs must be 4000 characters or fewer" }),
        outcomes: z.string().trim().max(4000, { error: "Outcomes must be 4000 characters or fewer" }),
      })
      .nullable()
      .default(null),
    indicatorCodes: z.array(z.string().trim().min(1)).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.changeTemplateId) return;
    const toc = value.theoryOfChange;
    for (const part of ["inputs", "activities", "outputs", "outcomes"] as const) {
      if (!toc?.[part])
        ctx.addIssue({
          code: "custom",
          path: ["theoryOfChange", part],
          message: `Enter the ${part}, or choose a theory of change template`,
        });
    }
  });

export const outcomeNameInput = z.object({ name: requiredText("the intended outcome", 300) });

export const indicatorChangeInput = z.object({
  name: requiredText("the indicator name"),
  level: z.enum(indicatorLevels, { error: "Choose individual, community or business" }),
  unit: z.enum(indicatorUnits, { error: "Choose a unit" }),
});
