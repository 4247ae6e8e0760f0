import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { type AttendanceInput, attendanceInput, type SessionInput, sessionInput } from "../inputs.ts";
import { canRecordDelivery } from "../policy.ts";
import { activitySession, project } from "../schema.ts";
import { sessionOpenForAttendance, unknownParticipants, upsertAttendance } from "./attendance-rows.ts";
import { withLinkedRecords } from "./foreign-keys.ts";
import { parseInput } from "./parse-input.ts";

export { londonToday } from "./attendance-rows.ts";

export async function recordSession(
  db: Db,
  actor: Actor,
  now: Date,
  input: SessionInput,
): Promise<{ id: string }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record sessions.");
  const value = parseInput(sessionInput, input);
  return withLinkedRecords(
    () =>
      db.transaction(async (tx) => {
        const [found] = await tx
          .select({ name: project.name, stage: project.stage })
          .from(project)
          .where(matchInOrganisation(project, actor.organisationId, { id: value.projectId }));
        if (!found) throw invalid("Check the project.", { projectId: "That project was not found" });
        const id = newId(now.getTime());
        await tx
          .insert(activitySession)
          .values({ organisationId: actor.organisationId, id, ...value, createdAt: now });
        await recordAudit(tx, actor, now, {
          action: "create",
          entityType: "activity-session",
          entityId: id,
          summary: `Recorded session ${value.title} (${value.heldOn}) for ${found.name}`,
          after: value,
        });
        return { id };
      }),
    {
      la_code: { field: "laCode", message: "That local authority code is not one we know" },
      asset_id: { field: "assetId", message: "That community asset was not found" },
    },
  );
}

/** Records who came to a session, all at once, in one transaction (API and bulk pushes). */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  now: Date,
  sessionId: string,
  input: AttendanceInput,
): Promise<{ recorded: number }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record attendance.");
  const value = parseInput(attendanceInput, input);
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    const session = await sessionOpenForAttendance(tx, organisationId, sessionId, now);
    const ids = [...new Set(value.attendees.map((a) => a.participantId))];
    if (ids.length !== value.attendees.length)
      throw invalid("Each person can be recorded once per session.", {
        attendees: "The same person is listed more than once",
      });
    const unknown = new Set(await unknownParticipants(tx, organisationId, ids));
    const missing = value.attendees.findIndex((a) => unknown.has(a.participantId));
    if (missing >= 0)
      throw invalid("Check the attendees.", {
        [`attendees.${missing}.participantId`]: `Attendee ${missing + 1} is not a registered participant`,
      });
    await upsertAttendance(tx, organisationId, session, value.attendees);
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "activity-session",
      entityId: sessionId,
      summary: `Recorded attendance of ${value.attendees.length} at ${session.title} (${session.heldOn})`,
      after: { attendees: value.attendees.length },
    });
    return { recorded: value.attendees.length };
  });
}
