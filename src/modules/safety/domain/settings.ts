import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../platform/db/database.ts";
import { safetySetting } from "../schema.ts";
import { actionTypes } from "./actions.ts";

// Thresholds an organisation may change. Defaults follow common practice and the statutory guidance
// on the Community Trigger (ASB, Crime and Policing Act 2014 s104): 3 qualifying complaints in
// 6 months, with a lower bar for hate incidents.

export const safetySettingsSchema = z.object({
  repeatWindowMonths: z.number().int().min(1).max(60),
  repeatMinIncidents: z.number().int().min(2).max(50),
  triggerWindowMonths: z.number().int().min(1).max(24),
  triggerMinReports: z.number().int().min(1).max(20),
  triggerMinHateReports: z.number().int().min(1).max(20),
  retentionYears: z.number().int().min(1).max(30),
  // Days from an action's start to its due date (reminders and overdue alerts run from it), per action type.
  actionTargetDays: z
    .record(
      z.string(),
      z
        .number({ error: "Enter the target in days" })
        .int()
        .min(1, { error: "The target must be at least 1 day" })
        .max(730, {
          error: "The target must be 730 days or fewer",
        }),
    )
    .refine(
      (targets) => Object.keys(targets).every((code) => actionTypes.some((type) => type.code === code)),
      {
        error: "Target days are only for the listed action types",
      },
    ),
});
export type SafetySettings = z.infer<typeof safetySettingsSchema>;

export const defaultSafetySettings: SafetySettings = {
  repeatWindowMonths: 12,
  repeatMinIncidents: 3,
  triggerWindowMonths: 6,
  triggerMinReports: 3,
  triggerMinHateReports: 2,
  retentionYears: 6,
  actionTargetDays: Object.fromEntries(actionTypes.map((type) => [type.code, type.targetDays])),
};

export async function getSafetySettings(db: Db, organisationId: string): Promise<SafetySettings> {
  const [row] = await db
    .select()
    .from(safetySetting)
    .where(and(eq(safetySetting.organisationId, organisationId), eq(safetySetting.key, "thresholds")));
  const stored = safetySettingsSchema.partial().safeParse(row?.value ?? {});
  const values = stored.success ? stored.data : {};
  return {
    ...defaultSafetySettings,
    ...values,
    actionTargetDays: { ...defaultSafetySettings.actionTargetDays, ...values.actionTargetDays },
  };
}

/** YYYY-MM-DD minus whole months (clamped to the month's end). */
export function monthsBefore(on: string, months: number): string {
  const [year, month, day] = on.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index % 12;
  const last = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, last))).toISOString().slice(0, 10);
}

export function addDays(on: string, days: number): string {
  const date = new Date(`${on}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function londonDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
