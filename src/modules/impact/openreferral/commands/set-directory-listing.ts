import { z } from "zod";
import type { Actor } from "../../../../platform/access/actor.ts";
import { requireAllowed } from "../../../../platform/access/policy.ts";
import { recordAudit } from "../../../../platform/audit/audit-log.ts";
import type { Db } from "../../../../platform/db/database.ts";
import { newId } from "../../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../../platform/db/match-in-organisation.ts";
import { optionalText, optionalWholeNumber } from "../../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../../platform/http/forms.ts";
import { invalid } from "../../../../platform/http/problem.ts";
import { canManageProjects, getProject } from "../../../investment/index.ts";
import { directoryListing, directorySchedule } from "../../schema/openreferral.ts";
import { icalDays } from "../listing-filters.ts";

const clockTime = z
  .string()
  .trim()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Give a time on the 24-hour clock, like 09:30");

const scheduleInput = z
  .object({
    days: z
      .array(z.string().trim().toUpperCase())
      .min(1, "Choose at least one day")
      .refine((days) => days.every((day) => (icalDays as readonly string[]).includes(day)), {
        message: "Days are MO, TU, WE, TH, FR, SA or SU",
      }),
    opensAt: clockTime,
    closesAt: clockTime,
    description: optionalText(500),
  })
  .refine((s) => s.opensAt < s.closesAt, { message: "It must close after it opens", path: ["closesAt"] });

export const directoryListingInput = z
  .object({
    minimumAge: optionalWholeNumber("the minimum age", 0, 150),
    maximumAge: optionalWholeNumber("the maximum age", 0, 150),
    schedules: z.array(scheduleInput).max(20, "List at most 20 weekly times").default([]),
  })
  .refine((v) => v.minimumAge === null || v.maximumAge === null || v.minimumAge <= v.maximumAge, {
    message: "The maximum age cannot be below the minimum age",
    path: ["maximumAge"],
  });

export type DirectoryListingInput = z.input<typeof directoryListingInput>;

/**
 * Sets who a service is for (ages) and when it runs (weekly times) in the public Open Referral
 * directory, replacing what was there. The project must be the actor's organisation's.
 */
export async function setDirectoryListing(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  input: DirectoryListingInput,
): Promise<void> {
  requireAllowed(canManageProjects(actor), "Only officers and managers can change directory listings.");
  const parsed = directoryListingInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the highlighted fields.", fieldErrorsFrom(parsed.error));
  const listing = parsed.data;
  const project = await getProject(db, actor, projectId);
  await db.transaction(async (tx) => {
    await tx
      .delete(directoryListing)
      .where(matchInOrganisation(directoryListing, actor.organisationId, { projectId }));
    await tx.insert(directoryListing).values({
      organisationId: actor.organisationId,
      projectId,
      minimumAge: listing.minimumAge,
      maximumAge: listing.maximumAge,
      updatedAt: now,
    });
    if (listing.schedules.length > 0)
      await tx.insert(directorySchedule).values(
        listing.schedules.map((s) => ({
          organisationId: actor.organisationId,
          id: newId(now.getTime()),
          projectId,
          byday: icalDays.filter((day) => s.days.includes(day)).join(","),
          opensAt: s.opensAt,
          closesAt: s.closesAt,
          description: s.description,
        })),
      );
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "directory_listing",
      entityId: projectId,
      summary: `Set the directory listing of ${project.name}: ages ${listing.minimumAge ?? "any"} to ${listing.maximumAge ?? "any"}, ${listing.schedules.length} weekly times`,
    });
  });
}
