import { asc, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, type FieldErrors, invalid, notFound } from "../../../platform/http/problem.ts";
import { consultationInput, parseInput, questionInput, youSaidInput } from "../inputs.ts";
import { canManageEngagement } from "../policy.ts";
import { loadConsultation, londonToday } from "../records.ts";
import {
  type ConsultationQuestion,
  consultation,
  consultationAnswer,
  consultationQuestion,
  consultationResponse,
  youSaidWeDid,
} from "../schema.ts";

export async function createConsultation(db: Db, actor: Actor, now: Date, input: unknown) {
  requireAllowed(canManageEngagement(actor), "Only officers can create consultations.");
  const value = parseInput(consultationInput, input);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(consultation)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        ...value,
        status: "draft",
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "consultation",
      entityId: created.id,
      summary: `Consultation "${value.title}" drafted`,
    });
    return created;
  });
}

/** Questions can be added only while the consultation is a draft: answers must mean the same thing. */
export async function addQuestion(db: Db, actor: Actor, now: Date, consultationId: string, input: unknown) {
  requireAllowed(canManageEngagement(actor), "Only officers can write consultation questions.");
  const value = parseInput(questionInput, input);
  return db.transaction(async (tx) => {
    const found = await loadConsultation(tx, actor.organisationId, consultationId);
    if (found.status !== "draft")
      throw conflict("The consultation has started", "Questions cannot change once a consultation is open.");
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${consultationQuestion.position}), 0)::int` })
      .from(consultationQuestion)
      .where(matchInOrganisation(consultationQuestion, actor.organisationId, { consultationId: found.id }));
    const [created] = await tx
      .insert(consultationQuestion)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        consultationId: found.id,
        position: Number(last?.position ?? 0) + 1,
        kind: value.kind,
        text: value.text,
        options: value.kind === "single-choice" || value.kind === "multiple-choice" ? value.options : [],
        required: value.required,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "consultation_question",
      entityId: created.id,
      summary: `Question added to "${found.title}"`,
    });
    return created;
  });
}

export async function setConsultationStatus(
  db: Db,
  actor: Actor,
  now: Date,
  consultationId: string,
  status: "open" | "closed",
) {
  requireAllowed(canManageEngagement(actor), "Only officers can open or close consultations.");
  if (status !== "open" && status !== "closed")
    throw invalid("Choose open or closed.", { status: "Select open or closed" });
  return db.transaction(async (tx) => {
    const found = await loadConsultation(tx, actor.organisationId, consultationId);
    if (status === "open") {
      if (found.status !== "draft")
        throw conflict("The consultation cannot be opened", `It is already ${found.status}.`);
      const questions = await tx
        .select()
        .from(consultationQuestion)
        .where(matchInOrganisation(consultationQuestion, actor.organisationId, { consultationId: found.id }));
      if (questions.length === 0)
        throw invalid("Add at least one question first.", {
          text: "Add at least one question before opening the consultation",
        });
    } else if (found.status !== "open")
      throw conflict("The consultation cannot be closed", `It is ${found.status}.`);
    const after = await updateAudited(
      tx,
      actor,
      now,
      consultation,
      found.id,
      { status },
      {
        entityType: "consultation",
        summary: `Consultation "${found.title}" ${status}`,
        before: { status: found.status },
        after: { status },
      },
    );
    return after;
  });
}

export type SubmittedAnswers = Record<string, string | string[] | undefined>;

/** Checks one answer against its question; returns the stored form or an error message. */
export function readAnswer(
  question: ConsultationQuestion,
  raw: string | string[] | undefined,
): { choices: string[]; rating: number | null; freeText: string | null } | string | null {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0)
    return question.required
      ? question.kind === "free-text"
        ? "Enter your answer"
        : "Select an answer"
      : null;
  switch (question.kind) {
    case "single-choice":
      return values.length === 1 && question.options.includes(values[0] ?? "")
        ? { choices: values, rating: null, freeText: null }
        : "Select one of the answers";
    case "multiple-choice":
      return values.every((v) => question.options.includes(v))
        ? { choices: [...new Set(values)], rating: null, freeText: null }
        : "Select answers from the list";
    case "rating": {
      const rating = Number(values[0]);
      return Number.isInteger(rating) && rating >= 1 && rating <= 5
        ? { choices: [], rating, freeText: null }
        : "Select a rating from 1 to 5";
    }
    case "free-text":
      return (values[0] ?? "").length <= 2000
        ? { choices: [], rating: null, freeText: values[0] ?? "" }
        : "Your answer must be 2,000 characters or fewer";
  }
}

/**
 * A resident's anonymous response (public: no sign-in). Every answer is checked first;
 * one bad answer saves nothing and says which question to fix.
 */
export async function submitResponse(
  db: Db,
  organisationId: string,
  now: Date,
  consultationId: string,
  answers: SubmittedAnswers,
) {
  return db.transaction(async (tx) => {
    const found = await loadConsultation(tx, organisationId, consultationId);
    const today = londonToday(now);
    if (found.status !== "open" || today < found.opensOn || today > found.closesOn)
      throw notFound("Consultation not found", "This consultation is not open. It may have closed.");
    const questions = await tx
      .select()
      .from(consultationQuestion)
      .where(matchInOrganisation(consultationQuestion, organisationId, { consultationId: found.id }))
      .orderBy(asc(consultationQuestion.position));
    const errors: FieldErrors = {};
    const rows: { questionId: string; choices: string[]; rating: number | null; freeText: string | null }[] =
      [];
    for (const question of questions) {
      const answer = readAnswer(question, answers[question.id]);
      if (typeof answer === "string") errors[`q-${question.id}`] = answer;
      else if (answer) rows.push({ questionId: question.id, ...answer });
    }
    if (Object.keys(errors).length > 0) throw invalid("Some answers need fixing.", errors);
    if (rows.length === 0)
      throw invalid("Answer at least one question.", { form: "Answer at least one question" });
    const [response] = await tx
      .insert(consultationResponse)
      .values({ organisationId, id: newId(now.getTime()), consultationId: found.id, submittedAt: now })
      .returning();
    await tx
      .insert(consultationAnswer)
      .values(rows.map((row) => ({ organisationId, responseId: response.id, ...row })));
    await recordAudit(tx, systemActor(organisationId, "Public consultation response"), now, {
      action: "create",
      entityType: "consultation_response",
      entityId: response.id,
      summary: `Response to "${found.title}"`,
    });
    return response;
  });
}

export async function recordYouSaidWeDid(db: Db, actor: Actor, now: Date, input: unknown) {
  requireAllowed(canManageEngagement(actor), "Only officers can publish You said, we did.");
  const value = parseInput(youSaidInput, input);
  return db.transaction(async (tx) => {
    if (value.consultationId) await loadConsultation(tx, actor.organisationId, value.consultationId);
    const [created] = await tx
      .insert(youSaidWeDid)
      .values({ organisationId: actor.organisationId, id: newId(now.getTime()), ...value, createdAt: now })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "you_said_we_did",
      entityId: created.id,
      summary: "You said, we did published",
    });
    return created;
  });
}
