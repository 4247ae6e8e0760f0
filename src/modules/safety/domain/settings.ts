import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { addMonths } from "../../../platform/dates/calendar.ts";
import { addDays, londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { safetySetting } from "../schema.ts";
import { actionTypes } from "./actions.ts";

export { addDays, londonDay };

// Thresholds an organisation may change. Defaults follow common practice and the statutory guidance
// on the Community Trigger (ASB, Crime and Policing Act 2014 s104): 3 qualifying complaints in
// 6 months, with a lower bar for hate incidents.

/** A whole number between min and max, with messages a person understands. */
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${what} as a whole number` })
    .int({ error: `Enter ${what} as a whole number` })
    .min(min, { error: `${what[0]?.toUpperCase()}${what.slice(1)} must be at least ${min}` })
    .max(max, { error: `${what[0]?.toUpperCase()}${what.slice(1)} must be ${max} or fewer` });

export const safetySettingsSchema = z.object({
  repeatWindowMonths: wholeNumber("the repeat window in months", 1, 60),
  repeatMinIncidents: wholeNumber("the number of incidents that makes a repeat", 2, 50),
  triggerWindowMonths: wholeNumber("the Community Trigger window in months", 1, 24),
  triggerMinReports: wholeNumber("the number of qualifying complaints", 1, 20),
  triggerMinHateReports: wholeNumber("the number of qualifying hate-incident complaints", 1, 20),
  retentionYears: wholeNumber("the retention period in years", 1, 30),
  // Days from an action's start to its due date (reminders and overdue alerts run from it), per action type.
  actionTargetDays: z
    .record(z.string(), wholeNumber("the target in days", 1, 730))
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
  return settingsFromStored(row?.value);
}

// Built once: zod compiles a schema on its first parse, and every case page reads the thresholds.
const storedSettingsSchema = safetySettingsSchema.partial();

/** The thresholds from their stored JSON (absent or invalid parts fall back to the defaults). */
export function settingsFromStored(value: unknown): SafetySettings {
  const stored = storedSettingsSchema.safeParse(value ?? {});
  const values = stored.success ? stored.data : {};
  return {
    ...defaultSafetySettings,
    ...values,
    actionTargetDays: { ...defaultSafetySettings.actionTargetDays, ...values.actionTargetDays },
  };
}

/** YYYY-MM-DD minus whole months (clamped to the month's end, as everywhere: platform/dates). */
export function monthsBefore(on: string, months: number): string {
  return addMonths(on, -months);
}
