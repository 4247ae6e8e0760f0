import { and, asc, desc, eq, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import {
  ageBand,
  ageBandWords,
  describePeople,
  likePrefix,
  personReference,
  searchPeople,
  searchTerm,
} from "../../people/index.ts";
import { canViewParticipants } from "../policy.ts";
import {
  activitySession,
  attendance,
  participant,
  participantGroup,
  participantGroupMember,
} from "../schema.ts";

/** Someone who could be on a register: a participant, or a person in People not yet taking part. */
export type RegisterCandidate = {
  /** `participant:<id>` or `person:<id>`: what the add form posts. */
  key: string;
  participantId: string | null;
  name: string;
  /** Age band, street or postcode, reference: shown where the name alone could be confused. */
  detail: string | null;
  onRegister: boolean;
};

type ParticipantRow = Pick<
  typeof participant.$inferSelect,
  "id" | "personId" | "externalRef" | "displayName" | "dateOfBirth"
>;

const participantColumns = {
  id: participant.id,
  personId: participant.personId,
  externalRef: participant.externalRef,
  displayName: participant.displayName,
  dateOfBirth: participant.dateOfBirth,
};

/** A participant's reference: their person's when they have one (the same everywhere), else their own. */
export function participantReference(row: Pick<ParticipantRow, "id" | "personId" | "externalRef">): string {
  if (row.personId) return personReference(row.personId);
  return row.externalRef && !row.externalRef.startsWith("kith-form-")
    ? row.externalRef
    : personReference(row.id);
}

/**
 * The distinguishing detail of each participant whose name is shared with another participant of the
 * organisation (or appears twice in the list): age band, street or postcode, and reference.
 */
export async function distinguishingDetails(
  db: Db,
  actor: Actor,
  now: Date,
  rows: ParticipantRow[],
  options: { always?: boolean } = {},
): Promise<Map<string, string>> {
  const names = [...new Set(rows.map((r) => r.displayName.toLowerCase()))];
  if (names.length === 0) return new Map();
  const shared = options.always
    ? new Set(names)
    : new Set(
        (
          await db
            .select({ name: sql<string>`lower(${participant.displayName})` })
            .from(participant)
            .where(
              inOrganisation(
                participant,
                actor.organisationId,
                inArray(sql`lower(${participant.displayName})`, names),
              ),
            )
            .groupBy(sql`lower(${participant.displayName})`)
            .having(sql`count(*) > 1`)
        ).map((r) => r.name),
      );
  const confusable = rows.filter((r) => shared.has(r.displayName.toLowerCase()));
  const people = await describePeople(
    db,
    actor,
    now,
    confusable.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  const on = now.toISOString().slice(0, 10);
  return new Map(
    confusable.map((r) => {
      const person = r.personId ? people.get(r.personId) : undefined;
      const band = ageBandWords[ageBand(r.dateOfBirth, on)];
      const where = person?.street ?? person?.postcode;
      return [r.id, [band, where, `ref ${participantReference(r)}`].filter(Boolean).join(", ")];
    }),
  );
}

/** Participants by the start of their name, their external reference or their short reference. */
async function participantsMatching(db: Db, actor: Actor, term: string, limit: number) {
  const compact = term.replace(/\s/g, "").toUpperCase();
  const conditions: SQL[] = [
    sql`lower(${participant.displayName}) LIKE ${likePrefix(term.toLowerCase())}`,
    eq(participant.externalRef, term),
  ];
  if (/^[0-9A-F]{6}$/.test(compact))
    conditions.push(sql`upper(right(${participant.id}::text, 6)) = ${compact}`);
  return db
    .select(participantColumns)
    .from(participant)
    .where(inOrganisation(participant, actor.organisationId, or(...conditions)))
    .orderBy(asc(sql`lower(${participant.displayName})`), asc(participant.id))
    .limit(limit);
}

async function toCandidates(
  db: Db,
  actor: Actor,
  now: Date,
  rows: ParticipantRow[],
  onRegister: Set<string>,
  always = false,
): Promise<RegisterCandidate[]> {
  const details = await distinguishingDetails(db, actor, now, rows, { always });
  return rows.map((r) => ({
    key: `participant:${r.id}`,
    participantId: r.id,
    name: r.displayName,
    detail: details.get(r.id) ?? null,
    onRegister: onRegister.has(r.id),
  }));
}

/**
 * Search for a register: participants, and people in People who are not participants yet, whose name,
 * postcode or reference starts with the words typed. At least 2 characters; `%` and `_` are literal.
 * Every result carries its distinguishing detail: a search is where namesakes get mixed up.
 */
export async function searchForRegister(
  db: Db,
  actor: Actor,
  now: Date,
  text: string | undefined,
  onRegister: Set<string>,
  limit = 25,
): Promise<RegisterCandidate[]> {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see participants.");
  const term = searchTerm(text);
  const [byName, people] = await Promise.all([
    participantsMatching(db, actor, term, limit),
    searchPeople(db, actor, now, term, { limit }),
  ]);
  const linked = people.length
    ? await db
        .select(participantColumns)
        .from(participant)
        .where(
          inOrganisation(
            participant,
            actor.organisationId,
            inArray(
              participant.personId,
              people.map((p) => p.id),
            ),
          ),
        )
    : [];
  const rows = new Map([...byName, ...linked].map((r) => [r.id, r]));
  const found = await toCandidates(db, actor, now, [...rows.values()], onRegister, true);
  const linkedPeople = new Set(linked.map((r) => r.personId));
  const newcomers: RegisterCandidate[] = people
    .filter((p) => !linkedPeople.has(p.id))
    .map((p) => ({
      key: `person:${p.id}`,
      participantId: null,
      name: p.name,
      detail: [ageBandWords[p.ageBand], p.street ?? p.postcode, `ref ${p.reference}`, "not yet a participant"]
        .filter(Boolean)
        .join(", "),
      onRegister: false,
    }));
  return [...found, ...newcomers].sort((a, b) => a.name.localeCompare(b.name, "en-GB")).slice(0, limit);
}

/** Who came to the project's previous session (before this one), to copy onto this register. */
export async function lastSessionCandidates(
  db: Db,
  actor: Actor,
  now: Date,
  session: { id: string; projectId: string; heldOn: string },
  onRegister: Set<string>,
): Promise<{ heldOn: string; title: string; candidates: RegisterCandidate[] } | null> {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see participants.");
  const org = actor.organisationId;
  const [previous] = await db
    .select({ id: activitySession.id, heldOn: activitySession.heldOn, title: activitySession.title })
    .from(activitySession)
    .where(
      inOrganisation(
        activitySession,
        org,
        and(
          eq(activitySession.projectId, session.projectId),
          ne(activitySession.id, session.id),
          or(
            lt(activitySession.heldOn, session.heldOn),
            and(eq(activitySession.heldOn, session.heldOn), lt(activitySession.id, session.id)),
          ),
        ),
      ),
    )
    .orderBy(desc(activitySession.heldOn), desc(activitySession.id))
    .limit(1);
  if (!previous) return null;
  const rows = await db
    .select(participantColumns)
    .from(attendance)
    .innerJoin(
      participant,
      sameOrganisation(participant, attendance, eq(participant.id, attendance.participantId)),
    )
    .where(matchInOrganisation(attendance, org, { sessionId: previous.id }))
    .orderBy(asc(participant.displayName))
    .limit(1000);
  return {
    heldOn: previous.heldOn,
    title: previous.title,
    candidates: await toCandidates(db, actor, now, rows, onRegister),
  };
}

/** The project's saved groups, by name. */
export async function listRegisterGroups(db: Db, actor: Actor, projectId: string) {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see groups.");
  if (!isUuid(projectId)) return [];
  return db
    .select({
      id: participantGroup.id,
      name: participantGroup.name,
      members: sql<number>`(SELECT count(*)::int FROM participant_group_member m WHERE m.organisation_id = ${participantGroup.organisationId} AND m.group_id = ${participantGroup.id})`,
    })
    .from(participantGroup)
    .where(matchInOrganisation(participantGroup, actor.organisationId, { projectId }))
    .orderBy(asc(participantGroup.name));
}

/** A group's members as register candidates. */
export async function groupCandidates(
  db: Db,
  actor: Actor,
  now: Date,
  groupId: string,
  onRegister: Set<string>,
): Promise<{ name: string; candidates: RegisterCandidate[] }> {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see groups.");
  if (!isUuid(groupId)) throw notFound("Group not found");
  const org = actor.organisationId;
  const [group] = await db
    .select({ name: participantGroup.name })
    .from(participantGroup)
    .where(matchInOrganisation(participantGroup, org, { id: groupId }));
  if (!group) throw notFound("Group not found");
  const rows = await db
    .select(participantColumns)
    .from(participantGroupMember)
    .innerJoin(
      participant,
      sameOrganisation(
        participant,
        participantGroupMember,
        eq(participant.id, participantGroupMember.participantId),
      ),
    )
    .where(matchInOrganisation(participantGroupMember, org, { groupId }))
    .orderBy(asc(participant.displayName));
  return { name: group.name, candidates: await toCandidates(db, actor, now, rows, onRegister) };
}
