import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { canRecordDelivery } from "../policy.ts";
import { activitySession, attendance, participantGroup, participantGroupMember } from "../schema.ts";
import { parseInput } from "./parse-input.ts";

const groupInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter a name for the group" })
    .max(100, { error: "Group name must be 100 characters or fewer" }),
});

/**
 * Saves a session's register as a named group of the project (a class, a cohort), so the next
 * session's register can start from it. A group of the same name in the project is replaced.
 */
export async function saveRegisterAsGroup(
  db: Db,
  actor: Actor,
  now: Date,
  sessionId: string,
  input: { name: string },
): Promise<{ id: string; members: number }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can manage groups.");
  const value = parseInput(groupInput, input, "Check the group's name.");
  const organisationId = actor.organisationId;
  if (!isUuid(sessionId)) throw notFound("Session not found");
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(activitySession)
      .where(matchInOrganisation(activitySession, organisationId, { id: sessionId }));
    if (!session) throw notFound("Session not found");
    const members = await tx
      .select({ participantId: attendance.participantId })
      .from(attendance)
      .where(matchInOrganisation(attendance, organisationId, { sessionId }));
    if (members.length === 0)
      throw invalid("Add people to the register first.", {
        name: "The register is empty: there is nobody to save",
      });
    const [previous] = await tx
      .select({ id: participantGroup.id })
      .from(participantGroup)
      .where(
        inOrganisation(
          participantGroup,
          organisationId,
          and(eq(participantGroup.projectId, session.projectId), eq(participantGroup.name, value.name)),
        ),
      );
    const id = previous?.id ?? newId(now.getTime());
    if (previous)
      await tx
        .delete(participantGroupMember)
        .where(matchInOrganisation(participantGroupMember, organisationId, { groupId: id }));
    else
      await tx
        .insert(participantGroup)
        .values({ organisationId, id, projectId: session.projectId, name: value.name, createdAt: now });
    await tx
      .insert(participantGroupMember)
      .values(members.map((m) => ({ organisationId, groupId: id, participantId: m.participantId })));
    await recordAudit(tx, actor, now, {
      action: previous ? "update" : "create",
      entityType: "participant-group",
      entityId: id,
      summary: `Saved the register of ${session.title} (${session.heldOn}) as the group ${value.name} (${members.length} people)`,
      after: { name: value.name, members: members.length },
    });
    return { id, members: members.length };
  });
}
