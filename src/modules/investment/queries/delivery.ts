import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewParticipants, canViewPortfolio } from "../policy.ts";
import {
  activitySession,
  attendance,
  outcomeFollowUp,
  outcomeRecord,
  participant,
  project,
} from "../schema.ts";

/**
 * Participants matching a name (personal data: officers and above only; the search is audited).
 * With `projectId`, the project's regulars come first, so a register opens on the people who usually come.
 */
export async function findParticipants(
  db: Db,
  actor: Actor,
  now: Date,
  options: { search?: string; limit?: number; projectId?: string } = {},
) {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see participants.");
  const search = (options.search ?? "").replace(/[%_\\]/g, "").trim();
  const projectId = options.projectId && isUuid(options.projectId) ? options.projectId : null;
  const limit = Math.min(options.limit ?? 100, 500);
  const byName = inOrganisation(
    participant,
    actor.organisationId,
    search ? ilike(participant.displayName, `%${search}%`) : undefined,
  );
  // With a project, its regulars come first (most visits), then everyone else by name.
  const regulars = projectId
    ? await db
        .select({ id: attendance.participantId, visits: sql<number>`count(*)::int` })
        .from(attendance)
        .innerJoin(
          activitySession,
          sameOrganisation(activitySession, attendance, eq(activitySession.id, attendance.sessionId)),
        )
        .where(inOrganisation(attendance, actor.organisationId, eq(activitySession.projectId, projectId)))
        .groupBy(attendance.participantId)
        .orderBy(desc(sql`count(*)`))
        .limit(limit)
    : [];
  const regularRows = regulars.length
    ? await db
        .select()
        .from(participant)
        .where(
          and(
            byName,
            inArray(
              participant.id,
              regulars.map((r) => r.id),
            ),
          ),
        )
    : [];
  const rank = new Map(regulars.map((r, i) => [r.id, i]));
  regularRows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const others = await db
    .select()
    .from(participant)
    .where(byName)
    .orderBy(asc(participant.displayName))
    .limit(limit);
  const seen = new Set(regularRows.map((r) => r.id));
  const rows = [...regularRows, ...others.filter((r) => !seen.has(r.id))].slice(0, limit);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "participant",
    summary: `Listed ${rows.length} participants${search ? ` matching "${search}"` : ""}`,
  });
  return rows;
}

/** One session with its register: names are personal data, so the read is audited. */
export async function getSession(db: Db, actor: Actor, now: Date, sessionId: string) {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see session registers.");
  if (!isUuid(sessionId)) throw notFound("Session not found");
  const org = actor.organisationId;
  const [session] = await db
    .select({ session: activitySession, projectName: project.name })
    .from(activitySession)
    .innerJoin(project, sameOrganisation(project, activitySession, eq(project.id, activitySession.projectId)))
    .where(matchInOrganisation(activitySession, org, { id: sessionId }));
  if (!session) throw notFound("Session not found");
  const register = await db
    .select({
      participantId: attendance.participantId,
      role: attendance.role,
      minutes: attendance.minutes,
      displayName: participant.displayName,
      tenant: participant.tenant,
      personId: participant.personId,
      externalRef: participant.externalRef,
      dateOfBirth: participant.dateOfBirth,
    })
    .from(attendance)
    .innerJoin(
      participant,
      sameOrganisation(participant, attendance, eq(participant.id, attendance.participantId)),
    )
    .where(matchInOrganisation(attendance, org, { sessionId }))
    .orderBy(asc(participant.displayName));
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "activity-session",
    entityId: sessionId,
    summary: `Viewed the register of ${session.session.title}`,
  });
  return { ...session.session, projectName: session.projectName, register };
}

export async function listSessions(
  db: Db,
  actor: Actor,
  options: { projectId?: string; limit?: number } = {},
) {
  requireAllowed(canViewPortfolio(actor), "Only staff can see sessions.");
  const org = actor.organisationId;
  return db
    .select({
      id: activitySession.id,
      title: activitySession.title,
      heldOn: activitySession.heldOn,
      depth: activitySession.depth,
      projectId: activitySession.projectId,
      projectName: project.name,
      attendees: sql<number>`(SELECT count(*)::int FROM attendance a WHERE a.organisation_id = ${activitySession.organisationId} AND a.session_id = ${activitySession.id})`,
    })
    .from(activitySession)
    .innerJoin(project, sameOrganisation(project, activitySession, eq(project.id, activitySession.projectId)))
    .where(
      inOrganisation(
        activitySession,
        org,
        options.projectId ? eq(activitySession.projectId, options.projectId) : undefined,
      ),
    )
    .orderBy(desc(activitySession.heldOn))
    .limit(Math.min(options.limit ?? 50, 500));
}

/** A participant's outcomes with follow-ups and evidence (audited: personal data). */
export async function getParticipantOutcomes(db: Db, actor: Actor, now: Date, participantId: string) {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see participants' outcomes.");
  if (!isUuid(participantId)) throw notFound("Participant not found");
  const org = actor.organisationId;
  const [person] = await db
    .select()
    .from(participant)
    .where(matchInOrganisation(participant, org, { id: participantId }));
  if (!person) throw notFound("Participant not found");
  const outcomes = await db
    .select({ outcome: outcomeRecord, projectName: project.name })
    .from(outcomeRecord)
    .innerJoin(project, sameOrganisation(project, outcomeRecord, eq(project.id, outcomeRecord.projectId)))
    .where(matchInOrganisation(outcomeRecord, org, { participantId }))
    .orderBy(desc(outcomeRecord.achievedOn));
  const followUps = await db
    .select()
    .from(outcomeFollowUp)
    .innerJoin(
      outcomeRecord,
      sameOrganisation(outcomeRecord, outcomeFollowUp, eq(outcomeRecord.id, outcomeFollowUp.outcomeId)),
    )
    .where(inOrganisation(outcomeFollowUp, org, eq(outcomeRecord.participantId, participantId)));
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "participant",
    entityId: participantId,
    summary: `Viewed the outcomes of ${person.displayName}`,
  });
  return {
    participant: person,
    outcomes: outcomes.map((row) => ({
      ...row.outcome,
      projectName: row.projectName,
      followUps: followUps
        .filter((f) => f.outcome_follow_up.outcomeId === row.outcome.id)
        .map((f) => f.outcome_follow_up),
    })),
  };
}
