import { inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { londonToday } from "../records.ts";
import { volApplication, volHours, volMilestone } from "../schema.ts";
import { milestoneHours } from "../vocabulary.ts";

/** Hours cannot be logged for a day that has not happened yet (UK date). */
export function refuseFutureDay(workedOn: string, now: Date, field = "workedOn"): void {
  if (workedOn > londonToday(now))
    throw invalid("Hours cannot be logged for a day in the future.", {
      [field]: "The date must be today or in the past",
    });
}

/** No one volunteers more than 24 hours in a day, across all their roles. */
export async function refuseOverFullDay(
  tx: Db,
  organisationId: string,
  volunteerId: string,
  workedOn: string,
  addedMinutes: number,
  field = "minutes",
  ignoreHoursId?: string,
): Promise<void> {
  const [row] = await tx
    .select({ minutes: sql<number>`coalesce(sum(${volHours.minutes}), 0)::int` })
    .from(volHours)
    .where(
      matchInOrganisation(
        volHours,
        organisationId,
        { volunteerId, workedOn },
        ignoreHoursId ? ne(volHours.id, ignoreHoursId) : undefined,
      ),
    );
  const already = row?.minutes ?? 0;
  if (already + addedMinutes > 24 * 60) {
    const left = Math.max(0, 24 * 60 - already);
    throw invalid("That would be more than 24 hours in one day.", {
      [field]: `${formatDate(workedOn)} already has ${formatMinutes(already)} logged, so you can add at most ${formatMinutes(left)}`,
    });
  }
}

/** Hours count only for roles the volunteer holds (placed) or held (ended). */
export async function refuseUnplaced(
  tx: Db,
  organisationId: string,
  volunteerIds: string[],
  opportunityId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ volunteerId: volApplication.volunteerId })
    .from(volApplication)
    .where(
      matchInOrganisation(
        volApplication,
        organisationId,
        { opportunityId },
        inArray(volApplication.volunteerId, volunteerIds),
        inArray(volApplication.status, ["placed", "ended"]),
      ),
    );
  const placed = new Set(rows.map((row) => row.volunteerId));
  return volunteerIds.filter((id) => !placed.has(id));
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return `${hours} ${hours === 1 ? "hour" : "hours"}`;
  return hours === 0 ? `${rest} minutes` : `${hours} ${hours === 1 ? "hour" : "hours"} ${rest} minutes`;
}

/** Records each milestone (10, 50, 100 … verified hours) a volunteer has newly passed. */
export async function awardMilestones(
  tx: Db,
  organisationId: string,
  volunteerIds: string[],
  now: Date,
): Promise<{ volunteerId: string; hours: number }[]> {
  if (volunteerIds.length === 0) return [];
  const totals = await tx
    .select({ volunteerId: volHours.volunteerId, minutes: sql<number>`sum(${volHours.minutes})::int` })
    .from(volHours)
    .where(
      matchInOrganisation(
        volHours,
        organisationId,
        { status: "verified" },
        inArray(volHours.volunteerId, volunteerIds),
      ),
    )
    .groupBy(volHours.volunteerId);
  const due = totals.flatMap((total) =>
    milestoneHours
      .filter((hours) => total.minutes >= hours * 60)
      .map((hours) => ({ volunteerId: total.volunteerId, hours })),
  );
  if (due.length === 0) return [];
  const inserted = await tx
    .insert(volMilestone)
    .values(due.map((milestone) => ({ organisationId, ...milestone, reachedAt: now })))
    .onConflictDoNothing()
    .returning({ volunteerId: volMilestone.volunteerId, hours: volMilestone.hours });
  return inserted;
}
