import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { getPerson } from "../../people/index.ts";
import { parseInput, participationChangeInput, questionInput } from "../inputs.ts";
import { canManageEngagement } from "../policy.ts";
import { loadConsultation, londonToday } from "../records.ts";
import { consultationQuestion, consultationResponse, involvementParticipation } from "../schema.ts";

// Corrections to involvement and consultation records, each in one transaction with its audit entry.

async function loadParticipation(db: Db, organisationId: string, id: string) {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(involvementParticipation)
        .where(matchInOrganisation(involvementParticipation, organisationId, { id }))
    : [];
  if (!row) throw notFound("Participation not found");
  return row;
}

/** One participation with the resident's name, for its edit page (the person read is audited by people). */
export async function getParticipation(db: Db, actor: Actor, now: Date, id: string) {
  requireAllowed(canManageEngagement(actor), "Only officers can change who takes part.");
  const row = await loadParticipation(db, actor.organisationId, id);
  const person = await getPerson(db, actor, row.personId, now);
  return { ...row, name: `${person.givenName} ${person.familyName}` };
}

export async function updateParticipation(db: Db, actor: Actor, now: Date, id: string, input: unknown) {
  requireAllowed(canManageEngagement(actor), "Only officers can change who takes part.");
  const value = parseInput(participationChangeInput, input);
  if (value.endedOn !== null && value.endedOn > londonToday(now))
    throw invalid("The end date is in the future.", {
      endedOn: "The date they stopped must be today or earlier",
    });
  return db.transaction(async (tx) => {
    const before = await loadParticipation(tx, actor.organisationId, id);
    const after = await updateAudited(tx, actor, now, involvementParticipation, id, value, {
      entityType: "involvement_participation",
      summary: value.endedOn ? "Participation ended" : "Participation changed",
      before: { role: before.role, startedOn: before.startedOn, endedOn: before.endedOn },
      after: value,
    });
    return after;
  });
}

async function loadQuestion(db: Db, organisationId: string, id: string) {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(consultationQuestion)
        .where(matchInOrganisation(consultationQuestion, organisationId, { id }))
    : [];
  if (!row) throw notFound("Question not found");
  return row;
}

async function responseCount(db: Db, organisationId: string, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(consultationResponse)
    .where(matchInOrganisation(consultationResponse, organisationId, { consultationId }));
  return Number(row?.count ?? 0);
}

/** A question and whether it may still change, for its edit page. */
export async function getQuestion(db: Db, actor: Actor, id: string) {
  requireAllowed(canManageEngagement(actor), "Only officers can change consultation questions.");
  const question = await loadQuestion(db, actor.organisationId, id);
  const found = await loadConsultation(db, actor.organisationId, question.consultationId);
  const responses = await responseCount(db, actor.organisationId, found.id);
  return { question, consultation: found, changeable: responses === 0 && found.status !== "closed" };
}

/**
 * A question may be reworded only while nobody has answered: once there are responses,
 * changing it would make earlier answers mean something else.
 */
export async function updateQuestion(db: Db, actor: Actor, now: Date, id: string, input: unknown) {
  requireAllowed(canManageEngagement(actor), "Only officers can change consultation questions.");
  const value = parseInput(questionInput, input);
  return db.transaction(async (tx) => {
    const before = await loadQuestion(tx, actor.organisationId, id);
    const found = await loadConsultation(tx, actor.organisationId, before.consultationId);
    if (found.status === "closed")
      throw conflict("The consultation has closed", "Questions of a closed consultation cannot change.");
    if ((await responseCount(tx, actor.organisationId, found.id)) > 0)
      throw conflict(
        "People have already answered",
        "This question cannot change because the consultation has responses.",
      );
    const change = {
      kind: value.kind,
      text: value.text,
      options: value.kind === "single-choice" || value.kind === "multiple-choice" ? value.options : [],
      required: value.required,
    };
    const after = await updateAudited(tx, actor, now, consultationQuestion, id, change, {
      entityType: "consultation_question",
      summary: `Question changed in "${found.title}"`,
      before: { kind: before.kind, text: before.text, options: before.options, required: before.required },
      after: change,
    });
    return after;
  });
}
