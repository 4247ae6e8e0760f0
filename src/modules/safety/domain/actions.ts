import { z } from "zod";
import { isRealDate } from "../../../platform/http/fields.ts";

// Actions and remedies: each type has its own details, target days (for reminders and
// overdue alerts), and whether it is a legal action (for the committee's legal-actions table).

const date = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .refine(isRealDate, { error: `Enter ${what} as a real date, like 2026-03-27` });
const text = (what: string, max = 2000) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(max);
const optionalText = z.string().trim().max(2000).optional();

/** Ground 7A (Housing Act 1985 Sch 2 / Housing Act 1988 Sch 2): the absolute ground for possession for ASB. */
export const ground7aConditions = {
  "serious-offence": "Condition 1: convicted of a serious offence",
  "injunction-breach": "Condition 2: court found a breach of a civil injunction",
  "cbo-breach": "Condition 3: convicted of breaching a criminal behaviour order",
  "closure-order": "Condition 4: closure order made for the premises",
  "noise-abatement": "Condition 5: convicted of breaching a noise abatement notice or order",
} as const;
export type Ground7aCondition = keyof typeof ground7aConditions;

/**
 * The notice of seeking possession on Ground 7A must be served within 12 months beginning with the
 * day of the conviction or finding, or 3 months beginning with the day the closure order was made
 * (Housing Act 1985 s83ZA; Housing Act 1988 s8(4A)-(4B)). "Beginning with the day" makes the last day
 * one day before the same date 12 (or 3) months on.
 */
export function ground7aNoticeDeadline(condition: Ground7aCondition, triggeredOn: string): string {
  const months = condition === "closure-order" ? 3 : 12;
  const [year, month, day] = triggeredOn.split("-").map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = targetMonthIndex % 12;
  const lastDayOfMonth = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const sameDay = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDayOfMonth)));
  sameDay.setUTCDate(sameDay.getUTCDate() - 1);
  return sameDay.toISOString().slice(0, 10);
}

export type ActionType = {
  code: string;
  name: string;
  targetDays: number;
  legal: boolean;
  details: z.ZodType<Record<string, unknown>>;
};

const none = z.object({ notes: optionalText });

export const actionTypes: ActionType[] = [
  { code: "advice", name: "Advice", targetDays: 5, legal: false, details: none },
  {
    code: "mediation-referral",
    name: "Mediation referral",
    targetDays: 10,
    legal: false,
    details: z.object({ provider: text("the mediation service", 200), notes: optionalText }),
  },
  {
    code: "warning",
    name: "Warning",
    targetDays: 5,
    legal: false,
    details: z.object({
      kind: z.enum(["verbal", "written"], { error: "Choose verbal or written" }),
      notes: optionalText,
    }),
  },
  {
    code: "abc",
    name: "Acceptable behaviour agreement",
    targetDays: 14,
    legal: false,
    details: z.object({ terms: text("the terms"), reviewOn: date("the review date") }),
  },
  {
    code: "support-referral",
    name: "Support referral",
    targetDays: 5,
    legal: false,
    details: z.object({ agency: text("the agency", 200), notes: optionalText }),
  },
  {
    code: "cpw",
    name: "Community protection warning",
    targetDays: 14,
    legal: true,
    details: z.object({ requirements: text("what must stop or be done"), notes: optionalText }),
  },
  {
    code: "cpn",
    name: "Community protection notice",
    targetDays: 28,
    legal: true,
    details: z.object({
      requirements: text("what must stop or be done"),
      servedOn: date("the date it was served"),
    }),
  },
  {
    code: "civil-injunction",
    name: "Civil injunction",
    targetDays: 28,
    legal: true,
    details: z.object({
      terms: text("the terms"),
      grantedOn: date("the date it was granted").optional(),
      expiresOn: date("the expiry date"),
      powerOfArrest: z.boolean().optional(),
      breaches: z.array(z.object({ on: date("the breach date"), note: optionalText })).optional(),
    }),
  },
  {
    code: "nsp",
    name: "Notice of seeking possession",
    targetDays: 28,
    legal: true,
    details: z.object({ grounds: text("the grounds", 200), servedOn: date("the date it was served") }),
  },
  {
    code: "possession-order",
    name: "Possession order",
    targetDays: 90,
    legal: true,
    details: z
      .object({
        grounds: text("the grounds", 200),
        ground7aCondition: z
          .enum(Object.keys(ground7aConditions) as [Ground7aCondition, ...Ground7aCondition[]])
          .optional(),
        // The date of the conviction, finding or closure order that triggers Ground 7A.
        triggeredOn: date("the date of the conviction, finding or order").optional(),
        orderType: z.enum(["outright", "suspended", "postponed"]).optional(),
      })
      .superRefine((value, ctx) => {
        if (value.ground7aCondition && !value.triggeredOn) {
          ctx.addIssue({
            code: "custom",
            path: ["triggeredOn"],
            message: "Enter the date of the conviction, finding or order that meets the Ground 7A condition",
          });
        }
      }),
  },
  {
    code: "closure-order",
    name: "Closure order",
    targetDays: 14,
    legal: true,
    details: z.object({
      premises: text("the premises", 300),
      madeOn: date("the date it was made"),
      expiresOn: date("the expiry date"),
    }),
  },
  {
    code: "case-conference",
    name: "Case conference",
    targetDays: 14,
    legal: false,
    details: z.object({ agencies: text("the agencies attending", 500), notes: optionalText }),
  },
  {
    code: "marac-referral",
    name: "MARAC referral",
    targetDays: 7,
    legal: false,
    details: z.object({ notes: optionalText }),
  },
  { code: "risk-review", name: "Risk review", targetDays: 14, legal: false, details: none },
  {
    code: "clearance",
    name: "Clearance (fly-tipping or communal area)",
    targetDays: 5,
    legal: false,
    details: z.object({ contractor: optionalText, notes: optionalText }),
  },
  {
    code: "access-appointment",
    name: "Access appointment (safety check)",
    targetDays: 7,
    legal: false,
    details: z.object({
      check: z.enum(["gas", "electrical", "fire"], { error: "Choose gas, electrical or fire" }),
      appointmentOn: date("the appointment date"),
    }),
  },
];

const actionByCode = new Map(actionTypes.map((type) => [type.code, type]));
export function findActionType(code: string): ActionType | undefined {
  return actionByCode.get(code);
}

/** Orders still in force keep a case out of retention deletion. */
export function orderInForceUntil(actionType: string, details: Record<string, unknown>): string | null {
  if (actionType === "civil-injunction" || actionType === "closure-order")
    return typeof details.expiresOn === "string" ? details.expiresOn : null;
  if (actionType === "possession-order") return "9999-12-31";
  return null;
}
