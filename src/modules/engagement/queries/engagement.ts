import { asc, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { getPerson } from "../../people/index.ts";
import { canViewEngagement } from "../policy.ts";
import { loadConsultation, loadInvolvement, londonToday } from "../records.ts";
import {
  consultation,
  consultationAnswer,
  consultationQuestion,
  consultationResponse,
  involvementOpportunity,
  involvementParticipation,
  youSaidWeDid,
} from "../schema.ts";

export async function listInvolvement(db: Db, actor: Actor) {
  requireAllowed(canViewEngagement(actor), "Only staff can see resident involvement.");
  return db
    .select({
      id: involvementOpportunity.id,
      kind: involvementOpportunity.kind,
      title: involvementOpportunity.title,
      status: involvementOpportunity.status,
      participants: sql<number>`(SELECT count(*)::int FROM involvement_participation p WHERE p.organisation_id = ${involvementOpportunity.organisationId} AND p.opportunity_id = ${involvementOpportunity.id} AND p.ended_on IS NULL)`,
    })
    .from(involvementOpportunity)
    .where(inOrganisation(involvementOpportunity, actor.organisationId))
    .orderBy(asc(involvementOpportunity.title));
}

/** One involvement opportunity with its participants; each name is an audited read through the people module. */
export async function getInvolvement(db: Db, actor: Actor, now: Date, id: string) {
  requireAllowed(canViewEngagement(actor), "Only staff can see resident involvement.");
  const involvement = await loadInvolvement(db, actor.organisationId, id);
  const rows = await db
    .select()
    .from(involvementParticipation)
    .where(
      matchInOrganisation(involvementParticipation, actor.organisationId, { opportunityId: involvement.id }),
    )
    .orderBy(asc(involvementParticipation.startedOn));
  const participants = [];
  for (const row of rows) {
    const person = await getPerson(db, actor, row.personId, now).catch(() => null);
    participants.push({
      ...row,
      name: person ? `${person.givenName} ${person.familyName}` : "Not visible to you",
    });
  }
  return { involvement, participants };
}

export async function listConsultations(db: Db, actor: Actor) {
  requireAllowed(canViewEngagement(actor), "Only staff can see consultations.");
  return db
    .select({
      id: consultation.id,
      title: consultation.title,
      status: consultation.status,
      opensOn: consultation.opensOn,
      closesOn: consultation.closesOn,
      responses: sql<number>`(SELECT count(*)::int FROM consultation_response r WHERE r.organisation_id = ${consultation.organisationId} AND r.consultation_id = ${consultation.id})`,
    })
    .from(consultation)
    .where(inOrganisation(consultation, actor.organisationId))
    .orderBy(desc(consultation.opensOn));
}

async function questionsOf(db: Db, organisationId: string, consultationId: string) {
  return db
    .select()
    .from(consultationQuestion)
    .where(matchInOrganisation(consultationQuestion, organisationId, { consultationId }))
    .orderBy(asc(consultationQuestion.position));
}

/** An open consultation as the public sees it (404 if not open today). */
export async function getOpenConsultation(db: Db, organisationId: string, now: Date, id: string) {
  const found = await loadConsultation(db, organisationId, id);
  const today = londonToday(now);
  if (found.status !== "open" || today < found.opensOn || today > found.closesOn)
    throw notFound("Consultation not found", "This consultation is not open. It may have closed.");
  return { consultation: found, questions: await questionsOf(db, organisationId, found.id) };
}

export async function listOpenConsultations(db: Db, organisationId: string, now: Date) {
  const today = londonToday(now);
  return db
    .select()
    .from(consultation)
    .where(
      matchInOrganisation(
        consultation,
        organisationId,
        { status: "open" },
        sql`${consultation.opensOn} <= ${today}::date AND ${consultation.closesOn} >= ${today}::date`,
      ),
    )
    .orderBy(asc(consultation.closesOn));
}

export type QuestionResult = {
  id: string;
  text: string;
  kind: string;
  answered: number;
  counts: { label: string; count: number }[];
  average: number | null;
  comments: string[];
};

/** Results: counts per answer (choices and ratings), the average rating, and written answers. */
export async function consultationResults(db: Db, actor: Actor, id: string) {
  requireAllowed(canViewEngagement(actor), "Only staff can see consultation results.");
  const found = await loadConsultation(db, actor.organisationId, id);
  const questions = await questionsOf(db, actor.organisationId, found.id);
  const [responses] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(consultationResponse)
    .where(matchInOrganisation(consultationResponse, actor.organisationId, { consultationId: found.id }));
  const answers = await db
    .select({
      questionId: consultationAnswer.questionId,
      choices: consultationAnswer.choices,
      rating: consultationAnswer.rating,
      freeText: consultationAnswer.freeText,
    })
    .from(consultationAnswer)
    .innerJoin(
      consultationResponse,
      sameOrganisation(
        consultationResponse,
        consultationAnswer,
        eq(consultationResponse.id, consultationAnswer.responseId),
      ),
    )
    .where(
      inOrganisation(
        consultationAnswer,
        actor.organisationId,
        eq(consultationResponse.consultationId, found.id),
      ),
    )
    .orderBy(desc(consultationResponse.submittedAt));
  const results: QuestionResult[] = questions.map((question) => {
    const mine = answers.filter((answer) => answer.questionId === question.id);
    const labels = question.kind === "rating" ? ["1", "2", "3", "4", "5"] : question.options;
    const counts = labels.map((label) => ({
      label: question.kind === "rating" ? `${label} out of 5` : label,
      count: mine.filter((answer) =>
        question.kind === "rating" ? String(answer.rating) === label : answer.choices.includes(label),
      ).length,
    }));
    const ratings = mine.map((answer) => answer.rating).filter((r): r is number => r !== null);
    return {
      id: question.id,
      text: question.text,
      kind: question.kind,
      answered: mine.length,
      counts: question.kind === "free-text" ? [] : counts,
      average: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
      comments: mine
        .map((answer) => answer.freeText)
        .filter((t): t is string => !!t)
        .slice(0, 100),
    };
  });
  return { consultation: found, questions, responses: Number(responses?.count ?? 0), results };
}

/** Published "You said, we did" records: public, no personal data. */
export async function listYouSaidWeDid(db: Db, organisationId: string, now: Date) {
  return db
    .select({
      id: youSaidWeDid.id,
      youSaid: youSaidWeDid.youSaid,
      weDid: youSaidWeDid.weDid,
      publishedOn: youSaidWeDid.publishedOn,
      consultationTitle: consultation.title,
    })
    .from(youSaidWeDid)
    .leftJoin(
      consultation,
      sameOrganisation(consultation, youSaidWeDid, eq(consultation.id, youSaidWeDid.consultationId)),
    )
    .where(
      inOrganisation(
        youSaidWeDid,
        organisationId,
        sql`${youSaidWeDid.publishedOn} <= ${londonToday(now)}::date`,
      ),
    )
    .orderBy(desc(youSaidWeDid.publishedOn))
    .limit(100);
}
