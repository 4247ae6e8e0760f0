import { and, asc, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { actorName, canAssess } from "../policy.ts";
import { type GrantApplicationReturn, grantApplication, grantApplicationReturn } from "../schema.ts";

const returnInput = z.object({ reason: requiredText("what the applicant needs to change", 2000) });

/** Only an application waiting for assessment or a decision can go back; a decided one cannot. */
const returnable = ["submitted", "moderated"] as const;

/**
 * Returns a sent application to the applicant for changes. It becomes a draft again, so
 * the applicant edits it with the same pages and sends it again through check your answers.
 * Any moderation is cleared (the answers it judged may change); assessments stay on record.
 */
export async function returnApplication(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  input: z.input<typeof returnInput>,
): Promise<GrantApplicationReturn> {
  requireAllowed(canAssess(actor), "Only officers and managers can return applications.");
  if (!isUuid(applicationId)) throw notFound("Application not found");
  const parsed = returnInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the reason.", fieldErrorsFrom(parsed.error));
  return db.transaction(async (tx) => {
    const [application] = await tx
      .select()
      .from(grantApplication)
      .where(matchInOrganisation(grantApplication, actor.organisationId, { id: applicationId }))
      .for("update");
    if (!application) throw notFound("Application not found");
    if (!returnable.some((status) => status === application.status))
      throw conflict(
        "Application cannot be returned",
        `Application ${application.reference} is ${application.status}; only sent applications waiting for a decision can be returned.`,
      );
    await tx
      .update(grantApplication)
      .set({
        status: "draft",
        moderatedScoreBp: null,
        moderationNote: null,
        moderatedBy: null,
        updatedAt: now,
      })
      .where(
        matchInOrganisation(
          grantApplication,
          actor.organisationId,
          { id: application.id },
          inArray(grantApplication.status, [...returnable]),
        ),
      );
    const [returned] = await tx
      .insert(grantApplicationReturn)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        applicationId: application.id,
        reason: parsed.data.reason,
        returnedBy: actorName(actor),
        returnedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-application",
      entityId: application.id,
      summary: `Grant application ${application.reference} returned to the applicant for changes`,
      before: { status: application.status },
      after: { status: "draft", reason: parsed.data.reason },
    });
    if (!returned) throw conflict("Application cannot be returned", "It was returned by someone else.");
    return returned;
  });
}

/** Every return of an application, oldest first: its history of changes asked for. */
export async function listApplicationReturns(
  db: Db,
  organisationId: string,
  applicationId: string,
): Promise<GrantApplicationReturn[]> {
  return db
    .select()
    .from(grantApplicationReturn)
    .where(matchInOrganisation(grantApplicationReturn, organisationId, { applicationId }))
    .orderBy(asc(grantApplicationReturn.returnedAt));
}

/** Marks the waiting return as answered, in the resubmission's transaction. Returns whether there was one. */
export async function closeOpenReturn(
  db: Db,
  organisationId: string,
  applicationId: string,
  now: Date,
): Promise<boolean> {
  const closed = await db
    .update(grantApplicationReturn)
    .set({ resubmittedAt: now })
    .where(
      and(
        matchInOrganisation(grantApplicationReturn, organisationId, { applicationId }),
        isNull(grantApplicationReturn.resubmittedAt),
      ),
    )
    .returning({ id: grantApplicationReturn.id });
  return closed.length > 0;
}
