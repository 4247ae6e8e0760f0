import { eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { type AttendanceInput, attendanceInput, type SessionInput, sessionInput } from "../inputs.ts";
import { canRecordDelivery } from "../policy.ts";
import { activitySession, attendance, participant, project } from "../schema.ts";
import { withLinkedRecords } from "./foreign-keys.ts";
import { parseInput } from "./parse-input.ts";

/** Today in the UK: a session held "today" in London is not in the future at 23:30 UTC. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

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
          .where(inOrganisation(project, actor.organisationId, eq(project.id, value.projectId)));
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

/**
 * Records who came to a session, all at once: one statement per thousand rows, all in one
 * transaction, so a register of 200 people saves in one go or not at all. Recording someone
 * again updates their role and minutes.
 */
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
    if (!isUuid(sessionId)) throw notFound("Session not found");
    const [session] = await tx
      .select()
      .from(activitySession)
      .where(inOrganisation(activitySession, organisationId, eq(activitySession.id, sessionId)));
    if (!session) throw notFound("Session not found");
    if (session.heldOn > londonToday(now)) {
      throw invalid("Attendance can only be recorded once a session has happened.", {
        attendees: `This session is on ${session.heldOn}, which is in the future`,
      });
    }
    const ids = [...new Set(value.attendees.map((a) => a.participantId))];
    if (ids.length !== value.attendees.length)
      throw invalid("Each person can be recorded once per session.", {
        attendees: "The same person is listed more than once",
      });
    const known = await tx
      .select({ id: participant.id })
      .from(participant)
      .where(inOrganisation(participant, organisationId, inArray(participant.id, ids)));
    const knownIds = new Set(known.map((row) => row.id));
    const missing = value.attendees.findIndex((a) => !knownIds.has(a.participantId));
    if (missing >= 0)
      throw invalid("Check the attendees.", {
        [`attendees.${missing}.participantId`]: `Attendee ${missing + 1} is not a registered participant`,
      });
    for (let start = 0; start < value.attendees.length; start += 1000) {
      const rows = value.attendees.slice(start, start + 1000).map((a) => ({
        organisationId,
        sessionId,
        participantId: a.participantId,
        role: a.role,
        minutes: a.minutes,
        heldOn: session.heldOn,
      }));
      await tx
        .insert(attendance)
        .values(rows)
        .onConflictDoUpdate({
          target: [attendance.organisationId, attendance.sessionId, attendance.participantId],
          set: { role: sql`excluded.role`, minutes: sql`excluded.minutes` },
        });
    }
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
