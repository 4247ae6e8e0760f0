import { z } from "zod";
import { isoDate, requiredText } from "../../../platform/http/fields.ts";
import { parsePounds } from "../money.ts";
import { PB_COMPLETIONS, PB_RULES, PB_UTILITIES } from "../rules/index.ts";
import { areaKinds, ballotKinds, eligibilities, publishModes } from "../schema.ts";

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

const optionalCount = (what: string, min: number) =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value, ctx) => {
      const text = value === undefined || value === null ? "" : String(value).trim();
      if (text === "") return null;
      if (!/^\d{1,4}$/.test(text) || Number(text) < min) {
        ctx.addIssue({ code: "custom", message: `${what} must be a whole number of ${min} or more, like 3` });
        return z.NEVER;
      }
      return Number(text);
    });

const money = (what: string, required: boolean) =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value, ctx) => {
      const text = value === undefined || value === null ? "" : String(value);
      if (text.trim() === "") {
        if (required) ctx.addIssue({ code: "custom", message: `Enter ${what}` });
        return required ? z.NEVER : null;
      }
      const amount = parsePounds(text);
      if (amount === null || amount <= 0) {
        ctx.addIssue({
          code: "custom",
          message: `${what.replace(/^the /, "The ")} must be an amount of money above zero, like 25000 or £25,000`,
        });
        return z.NEVER;
      }
      return amount;
    });

const date = (what: string) => z.string({ error: `Enter ${what}` }).pipe(isoDate);

export const processInput = z
  .object({
    title: requiredText("a title", 150),
    summary: z.string().trim().max(2000, { error: "Summary must be 2000 characters or fewer" }).default(""),
    areaKind: choice(areaKinds, "Choose where the process runs"),
    areaCode: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => (v ? v : null)),
    eligibility: choice(eligibilities, "Choose who can vote"),
    minimumAge: z.union([z.string(), z.number()]).transform((value, ctx) => {
      const text = String(value).trim();
      if (!/^\d{1,3}$/.test(text) || Number(text) > 120) {
        ctx.addIssue({ code: "custom", message: "Minimum age must be a whole number between 0 and 120" });
        return z.NEVER;
      }
      return Number(text);
    }),
    ballotKind: choice(ballotKinds, "Choose the kind of ballot"),
    minChoices: optionalCount("Minimum choices", 0),
    maxChoices: optionalCount("Maximum choices", 1),
    pointsTotal: optionalCount("Points per voter", 1),
    rule: choice(PB_RULES as unknown as readonly [string, ...string[]], "Choose how votes are counted"),
    utility: choice(
      PB_UTILITIES as unknown as readonly [string, ...string[]],
      "Choose what a voter gains",
    ).default("cost"),
    completion: choice(
      PB_COMPLETIONS as unknown as readonly [string, ...string[]],
      "Choose how left-over money is spent",
    ).default("add1"),
    proposalsOpen: date("the date proposals open"),
    reviewOpen: date("the date review starts"),
    votingOpen: date("the date voting opens"),
    votingClose: date("the date voting closes"),
    resultsDate: date("the date results are published"),
    publishResults: choice(publishModes, "Choose how the results are published").default("officer"),
    budget1Name: requiredText("a name for the budget", 100),
    budget1Amount: money("the budget amount", true),
    budget2Name: z.string().trim().max(100).optional(),
    budget2Amount: money("the second budget amount", false),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.areaKind !== "all" && !v.areaCode) issue("areaCode", "Enter the area code or estate name");
    const order: [keyof typeof v, string][] = [
      ["proposalsOpen", "proposals open"],
      ["reviewOpen", "review starts"],
      ["votingOpen", "voting opens"],
      ["votingClose", "voting closes"],
      ["resultsDate", "results are published"],
    ];
    for (let i = 1; i < order.length; i++) {
      const [earlier, earlierName] = order[i - 1];
      const [later, laterName] = order[i];
      if (String(v[later]) < String(v[earlier]))
        issue(later, `The date ${laterName} must be on or after the date ${earlierName}`);
    }
    if (v.ballotKind === "cumulative" && v.pointsTotal === null)
      issue("pointsTotal", "Enter how many points each voter has");
    if (v.ballotKind === "cumulative" && v.rule !== "greedy")
      issue("rule", "Points ballots are counted most-points-first: choose greedy");
    if (v.minChoices !== null && v.maxChoices !== null && v.minChoices > v.maxChoices)
      issue("maxChoices", "Maximum choices must be at least the minimum");
    if (v.budget2Name && v.budget2Amount === null) issue("budget2Amount", "Enter the second budget amount");
    if (!v.budget2Name && v.budget2Amount !== null)
      issue("budget2Name", "Enter a name for the second budget");
  });

export type ProcessInput = z.output<typeof processInput>;
