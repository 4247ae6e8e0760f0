import { boolean, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { day, moment } from "../../platform/db/columns.ts";

// Mirrors migrations/0501_engagement.sql. Personal data: involvement_participation (who takes part).
// Consultation answers are anonymous.

export const involvementKinds = {
  "scrutiny-panel": "Scrutiny panel",
  "steering-group": "Steering group",
  "community-champion": "Community champion",
  "mystery-shopper": "Mystery shopper",
  "tenant-board": "Tenant board member",
  "focus-group": "Focus group",
} as const;
export type InvolvementKind = keyof typeof involvementKinds;

export const questionKinds = {
  "single-choice": "Choose one answer",
  "multiple-choice": "Choose any answers",
  rating: "Rating from 1 to 5",
  "free-text": "Written answer",
} as const;
export type QuestionKind = keyof typeof questionKinds;

export const involvementOpportunity = pgTable(
  "involvement_opportunity",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<InvolvementKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    status: text("status").$type<"open" | "closed">().notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const involvementParticipation = pgTable(
  "involvement_participation",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    opportunityId: uuid("opportunity_id").notNull(),
    personId: uuid("person_id").notNull(),
    role: text("role"),
    startedOn: day("started_on").notNull(),
    endedOn: day("ended_on"),
    recordedAt: moment("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const consultation = pgTable(
  "consultation",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    opensOn: day("opens_on").notNull(),
    closesOn: day("closes_on").notNull(),
    status: text("status").$type<"draft" | "open" | "closed">().notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const consultationQuestion = pgTable(
  "consultation_question",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    consultationId: uuid("consultation_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind").$type<QuestionKind>().notNull(),
    text: text("text").notNull(),
    options: text("options").array().notNull(),
    required: boolean("required").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const consultationResponse = pgTable(
  "consultation_response",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    consultationId: uuid("consultation_id").notNull(),
    submittedAt: moment("submitted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const consultationAnswer = pgTable(
  "consultation_answer",
  {
    organisationId: uuid("organisation_id").notNull(),
    responseId: uuid("response_id").notNull(),
    questionId: uuid("question_id").notNull(),
    choices: text("choices").array().notNull(),
    rating: integer("rating"),
    freeText: text("free_text"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.responseId, t.questionId] })],
);

export const youSaidWeDid = pgTable(
  "you_said_we_did",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    consultationId: uuid("consultation_id"),
    youSaid: text("you_said").notNull(),
    weDid: text("we_did").notNull(),
    publishedOn: day("published_on").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type Consultation = typeof consultation.$inferSelect;
export type ConsultationQuestion = typeof consultationQuestion.$inferSelect;
