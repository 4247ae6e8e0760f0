import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { addMonths } from "../../../platform/dates/calendar.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { type OutcomeInput, outcomeInput, scoreInput } from "../inputs.ts";
import { canRecordDelivery } from "../policy.ts";
import { outcomeFollowUp, outcomeRecord, participant, project } from "../schema.ts";
import { parseInput } from "./parse-input.ts";
import { londonToday } from "./record-session.ts";

/**
 * The social value engine's check on a claimed value-bank outcome (unknown code, or a pair that
 * would double count for this person). Passed in by the impact module, which owns the value bank,
 * so that investment does not depend on it. Returns a message, or null when the claim is fine.
 */
export type OutcomeClaimCheck = (
  db: Db,
  organisationId: string,
  claim: { participantId: string; code: string; achievedOn: string },
) => Promise<string | null>;

export type OutcomeFile = { fileName: string; contentType: string; content: Uint8Array };

const allowedTypes = new Set([
  "application/pdf",
  "image/jpeg",
  "image/png",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
]);

export async function recordOutcome(
  db: Db,
  actor: Actor,
  now: Date,
  input: OutcomeInput,
  options: { claimCheck?: OutcomeClaimCheck; files?: OutcomeFile[] } = {},
): Promise<{ id: string; followUps: string[] }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record outcomes.");
  const value = parseInput(outcomeInput, input, "Check the outcome you entered.");
  if (value.achievedOn > londonToday(now))
    throw invalid("Check the date.", {
      achievedOn: "The date the outcome was achieved cannot be in the future",
    });
  for (const file of options.files ?? []) {
    if (!allowedTypes.has(file.contentType))
      throw invalid("Check the files.", {
        files: `${file.fileName} must be a PDF, Word document, JPEG, PNG or text file`,
      });
  }
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: participant.id, displayName: participant.displayName })
      .from(participant)
      .where(matchInOrganisation(participant, organisationId, { id: value.participantId }));
    if (!person)
      throw invalid("An outcome must be for a registered participant.", {
        participantId: "That participant was not found",
      });
    const [found] = await tx
      .select({ name: project.name, followUpMonths: project.followUpMonths })
      .from(project)
      .where(matchInOrganisation(project, organisationId, { id: value.projectId }));
    if (!found) throw invalid("Check the project.", { projectId: "That project was not found" });
    if (value.valueCode && options.claimCheck) {
      const problem = await options.claimCheck(tx, organisationId, {
        participantId: value.participantId,
        code: value.valueCode,
        achievedOn: value.achievedOn,
      });
      if (problem) throw invalid("This outcome cannot be valued as entered.", { valueCode: problem });
    }
    const id = newId(now.getTime());
    await tx.insert(outcomeRecord).values({ organisationId, id, ...value, createdAt: now });
    const followUps = found.followUpMonths.map((months) => ({
      organisationId,
      outcomeId: id,
      months,
      dueOn: addMonths(value.achievedOn, months),
    }));
    if (followUps.length > 0) await tx.insert(outcomeFollowUp).values(followUps);
    for (const file of options.files ?? []) {
      await tx.execute(
        // bytea through drizzle's sql tag: both drivers send a Uint8Array as binary.
        sql`INSERT INTO outcome_file (organisation_id, id, outcome_id, file_name, content_type, content) VALUES (${organisationId}, ${newId(now.getTime())}, ${id}, ${file.fileName}, ${file.contentType}, ${file.content})`,
      );
    }
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "outcome-record",
      entityId: id,
      summary: `Recorded outcome ${value.valueCode ?? ""} for ${person.displayName} on ${found.name}`.replace(
        "  ",
        " ",
      ),
      after: { ...value, files: (options.files ?? []).map((f) => f.fileName) },
    });
    return { id, followUps: followUps.map((f) => f.dueOn) };
  });
}

export const followUpInput = z.object({
  completedOn: z
    .string({ error: "Enter the date" })
    .refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }),
  distanceRating: scoreInput(1, 10, "Distance travelled"),
  wellbeingScore: scoreInput(7, 35, "Wellbeing"),
  sustained: z.boolean({ error: "Say whether the outcome was sustained" }),
});

export async function completeFollowUp(
  db: Db,
  actor: Actor,
  now: Date,
  outcomeId: string,
  months: number,
  input: unknown,
): Promise<void> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record follow-ups.");
  if (!isUuid(outcomeId) || !Number.isInteger(months)) throw notFound("Follow-up not found");
  const value = parseInput(followUpInput, input);
  if (value.completedOn > londonToday(now))
    throw invalid("Check the date.", { completedOn: "The follow-up date cannot be in the future" });
  await db.transaction(async (tx) => {
    const [due] = await tx
      .select()
      .from(outcomeFollowUp)
      .where(matchInOrganisation(outcomeFollowUp, actor.organisationId, { outcomeId, months }));
    if (!due) throw notFound("Follow-up not found");
    await tx
      .update(outcomeFollowUp)
      .set(value)
      .where(matchInOrganisation(outcomeFollowUp, actor.organisationId, { outcomeId, months }));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "outcome-record",
      entityId: outcomeId,
      summary: `Recorded the ${months}-month follow-up`,
      before: due,
      after: value,
    });
  });
}
