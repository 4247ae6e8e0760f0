import { inArray, sql } from "drizzle-orm";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { type AttendanceRole, activitySession, attendance, participant } from "../schema.ts";
import { refreshAttendanceSummary } from "./attendance-summary.ts";

/** Today in the UK: a session held "today" in London is not in the future at 23:30 UTC. */
export const londonToday = londonDay;

/** The session whose register is being written: it must exist here and have happened already. */
export async function sessionOpenForAttendance(tx: Db, organisationId: string, sessionId: string, now: Date) {
  if (!isUuid(sessionId)) throw notFound("Session not found");
  const [session] = await tx
    .select()
    .from(activitySession)
    .where(matchInOrganisation(activitySession, organisationId, { id: sessionId }));
  if (!session) throw notFound("Session not found");
  if (session.heldOn > londonToday(now)) {
    throw invalid("Attendance can only be recorded once a session has happened.", {
      attendees: `This session is on ${session.heldOn}, which is in the future`,
    });
  }
  return session;
}

/** The ids that are not this organisation's participants (a typo, or someone else's id). */
export async function unknownParticipants(tx: Db, organisationId: string, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const known = await tx
    .select({ id: participant.id })
    .from(participant)
    .where(inOrganisation(participant, organisationId, inArray(participant.id, wanted.filter(isUuid))));
  const knownIds = new Set(known.map((row) => row.id));
  return wanted.filter((id) => !knownIds.has(id));
}

/**
 * Writes register rows, one statement per thousand, so a register of 200 people saves in one go.
 * Recording someone again updates their role and minutes. Their rows of the attendance summary are
 * recomputed in the same transaction.
 */
export async function upsertAttendance(
  tx: Db,
  organisationId: string,
  session: { id: string; heldOn: string },
  attendees: { participantId: string; role: AttendanceRole; minutes: number }[],
): Promise<void> {
  for (let start = 0; start < attendees.length; start += 1000) {
    const rows = attendees.slice(start, start + 1000).map((a) => ({
      organisationId,
      sessionId: session.id,
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
  await refreshAttendanceSummary(
    tx,
    organisationId,
    attendees.map((a) => a.participantId),
    [session.heldOn],
  );
}
