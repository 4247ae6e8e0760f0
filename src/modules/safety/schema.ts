import {
  bigint,
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { tagPersonalData } from "../../platform/audit/personal-data.ts";
import { day, moment } from "../../platform/db/columns.ts";

// Mirror of migrations/0100_safety.sql.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

const org = () => uuid("organisation_id").notNull();

export const safetyCase = pgTable(
  "safety_case",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    reference: text("reference").notNull(),
    workflow: text("workflow").notNull(),
    category: text("category").notNull(),
    subCategory: text("sub_category"),
    nsirType: text("nsir_type").notNull(),
    hateStrand: text("hate_strand"),
    countsAsAsb: boolean("counts_as_asb").notNull(),
    locationType: text("location_type").notNull(),
    homeId: uuid("home_id"),
    blockName: text("block_name"),
    locationDescription: text("location_description"),
    laCode: text("la_code"),
    leadOfficerId: uuid("lead_officer_id"),
    status: text("status").notNull(),
    summary: text("summary"),
    nextStep: text("next_step"),
    /** When the next step was last written; later shared updates make it stale for the tenant. */
    nextStepAt: moment("next_step_at"),
    publishedFields: text("published_fields").array().notNull(),
    safeguardingFlags: text("safeguarding_flags").array().notNull(),
    openedOn: day("opened_on").notNull(),
    closedOn: day("closed_on"),
    closureOutcome: text("closure_outcome"),
    /** Migration 0105: why the case closed, in the officer's words. */
    closureReason: text("closure_reason"),
    source: text("source").notNull(),
    legalHold: boolean("legal_hold").notNull(),
    retentionApprovedAt: moment("retention_approved_at"),
    anonymisedAt: moment("anonymised_at"),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
    statusDueOn: day("status_due_on"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyParty = pgTable(
  "safety_party",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    role: text("role").notNull(),
    personId: uuid("person_id"),
    externalRef: text("external_ref"),
    displayName: text("display_name").notNull(),
    /** The party's home among the organisation's homes, when chosen by address search. */
    homeId: uuid("home_id"),
    address: text("address"),
    contact: text("contact"),
    dateOfBirth: day("date_of_birth"),
    vulnerable: boolean("vulnerable").notNull(),
    vulnerabilityNote: text("vulnerability_note"),
    notes: text("notes"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyReport = pgTable(
  "safety_report",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id"),
    /** Given when a portal report is sent; a case opened from the report keeps it. */
    reference: text("reference"),
    status: text("status").notNull(),
    source: text("source").notNull(),
    reportedOn: day("reported_on").notNull(),
    category: text("category").notNull(),
    hateStrand: text("hate_strand"),
    description: text("description"),
    homeId: uuid("home_id"),
    blockName: text("block_name"),
    locationDescription: text("location_description"),
    reporterUserId: uuid("reporter_user_id"),
    reporterPersonId: uuid("reporter_person_id"),
    reporterName: text("reporter_name"),
    reporterContact: text("reporter_contact"),
    triageReason: text("triage_reason"),
    triagedBy: uuid("triaged_by"),
    triagedAt: moment("triaged_at"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyTimelineEntry = pgTable(
  "safety_timeline_entry",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    at: moment("at").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    authorUserId: uuid("author_user_id"),
    authorLabel: text("author_label").notNull(),
    published: boolean("published").notNull(),
    byComplainantPartyId: uuid("by_complainant_party_id"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyRiskMatrix = pgTable(
  "safety_risk_matrix",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    definition: jsonb("definition").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyRiskAssessment = pgTable(
  "safety_risk_assessment",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    partyId: uuid("party_id"),
    matrixVersion: integer("matrix_version").notNull(),
    matrixName: text("matrix_name").notNull(),
    answers: jsonb("answers").$type<Record<string, string>>().notNull(),
    score: integer("score").notNull(),
    computedBand: text("computed_band").notNull(),
    band: text("band").notNull(),
    overrideReason: text("override_reason"),
    assessedBy: uuid("assessed_by"),
    assessedAt: moment("assessed_at").notNull(),
    nextReviewOn: day("next_review_on"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyAction = pgTable(
  "safety_action",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    partyId: uuid("party_id"),
    actionType: text("action_type").notNull(),
    status: text("status").notNull(),
    startedOn: day("started_on").notNull(),
    dueOn: day("due_on"),
    completedOn: day("completed_on"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    costPence: bigint("cost_pence", { mode: "number" }),
    published: boolean("published").notNull(),
    remindedOn: day("reminded_on"),
    overdueAlertedOn: day("overdue_alerted_on"),
    /** Migration 0105: why it was completed or cancelled when the case closed. */
    closedReason: text("closed_reason"),
    createdBy: uuid("created_by"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyDocument = pgTable(
  "safety_document",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    /** Null while the evidence belongs to a report not yet triaged. */
    caseId: uuid("case_id"),
    reportId: uuid("report_id"),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content"),
    uploadedByPartyId: uuid("uploaded_by_party_id"),
    createdBy: uuid("created_by"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyLetterTemplate = pgTable(
  "safety_letter_template",
  {
    organisationId: org(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    body: text("body").notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const safetySetting = pgTable(
  "safety_setting",
  {
    organisationId: org(),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
);

/** Migration 0105: the TSM "handling of ASB" question, asked of each complainant when a case closes. */
export const safetySatisfaction = pgTable(
  "safety_satisfaction",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    partyId: uuid("party_id").notNull(),
    closedOn: day("closed_on").notNull(),
    sentAt: moment("sent_at").notNull(),
    emailed: boolean("emailed").notNull(),
    answer: text("answer"),
    answeredAt: moment("answered_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyTriggerReview = pgTable(
  "safety_trigger_review",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    detectedOn: day("detected_on").notNull(),
    qualifyingReports: integer("qualifying_reports").notNull(),
    hate: boolean("hate").notNull(),
    status: text("status").notNull(),
    outcome: text("outcome"),
    decidedOn: day("decided_on"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetySharing = pgTable(
  "safety_sharing",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    partnerOrganisationId: uuid("partner_organisation_id"),
    agencyName: text("agency_name").notNull(),
    lawfulBasis: text("lawful_basis").notNull(),
    purpose: text("purpose").notNull(),
    sharedBy: uuid("shared_by"),
    sharedAt: moment("shared_at").notNull(),
    // Mirror of migrations/0103_safety_sharing_parts.sql.
    sharedParts: text("shared_parts").array().notNull(),
    expiresOn: day("expires_on"),
    endedAt: moment("ended_at"),
    endedBy: uuid("ended_by"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const safetyCampaign = pgTable(
  "safety_campaign",
  {
    organisationId: org(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    topic: text("topic").notNull(),
    laCode: text("la_code"),
    startedOn: day("started_on").notNull(),
    endedOn: day("ended_on"),
    peopleReached: integer("people_reached").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

// Mirror of migrations/0102_safety_configuration.sql.
export const safetyCategory = pgTable(
  "safety_category",
  {
    organisationId: org(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    workflow: text("workflow").notNull(),
    nsirType: text("nsir_type").notNull(),
    countsAsAsb: boolean("counts_as_asb").notNull(),
    subCategories: text("sub_categories").array().notNull(),
    position: integer("position").notNull(),
    retiredAt: moment("retired_at"),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const safetyWorkflowStatus = pgTable(
  "safety_workflow_status",
  {
    organisationId: org(),
    workflow: text("workflow").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    targetDays: integer("target_days"),
    position: integer("position").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.workflow, t.code] })],
);

// Personal-data tags (UK GDPR), in the platform registry that audit, subject access, redaction and
// retention read. Keys are the Drizzle property names, so a tag applies directly to a selected row.
// Free text written about an ASB case (summaries, notes, next steps, timeline entries) may describe
// offences and name people, so it is tagged criminal-offence: whoever is not a case worker sees it
// only after names, addresses and contact details are redacted.
tagPersonalData("safety_party", {
  displayName: "personal",
  externalRef: "personal",
  address: "personal",
  contact: "personal",
  dateOfBirth: "personal",
  vulnerabilityNote: "special-category",
  notes: "criminal-offence",
});
tagPersonalData("safety_case", {
  summary: "criminal-offence",
  hateStrand: "special-category",
  safeguardingFlags: "special-category",
  nextStep: "criminal-offence",
});
tagPersonalData("safety_report", {
  description: "criminal-offence",
  reporterName: "personal",
  reporterContact: "personal",
  hateStrand: "special-category",
});
tagPersonalData("safety_timeline_entry", { title: "criminal-offence", body: "criminal-offence" });
tagPersonalData("safety_risk_assessment", { answers: "special-category" });
tagPersonalData("safety_action", { details: "criminal-offence" });
tagPersonalData("safety_document", { content: "criminal-offence" });

export type SafetyCase = typeof safetyCase.$inferSelect;
export type SafetyParty = typeof safetyParty.$inferSelect;
export type SafetyReport = typeof safetyReport.$inferSelect;
export type SafetyAction = typeof safetyAction.$inferSelect;
export type SafetyTimelineEntry = typeof safetyTimelineEntry.$inferSelect;
export type SafetyRiskAssessment = typeof safetyRiskAssessment.$inferSelect;
export type SafetySharing = typeof safetySharing.$inferSelect;
export type SafetyCampaign = typeof safetyCampaign.$inferSelect;
