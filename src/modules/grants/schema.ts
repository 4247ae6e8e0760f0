import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { bytea, day, moment, pence } from "../../platform/db/columns.ts";

// Mirror of migrations/0300_grants.sql.

export const grantTypes = ["innovation", "strategic"] as const;
export type GrantType = (typeof grantTypes)[number];

/** The council grant framework's three grounds for a direct award. */
export const directAwardCriteria = {
  "unique-position": "A unique position or specialist function",
  "track-record": "A track record of excellence",
  "market-failure": "Market failure",
} as const;
export type DirectAwardCriterion = keyof typeof directAwardCriteria;

export type EligibilityQuestion = {
  id: string;
  question: string;
  expected: "yes" | "no";
  failureReason: string;
};
export type ScoringCriterion = { id: string; name: string; weight: number };
/** An outcome a programme funds; one picked from the outcome framework names its id and theme. */
export type ProgrammeOutcome = {
  code: string;
  title: string;
  frameworkOutcomeId?: string;
  frameworkTheme?: string;
};
export type MonitoringResult = { outcomeCode: string; measure: string; target: number; achieved: number };

export const applicationStatuses = [
  "draft",
  "submitted",
  "ineligible",
  "moderated",
  "awarded",
  "declined",
  "waitlisted",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const monitoringFrequencies = ["quarterly", "six-monthly", "annual", "end-of-grant"] as const;
export type MonitoringFrequency = (typeof monitoringFrequencies)[number];

export const grantSettings = pgTable("grant_settings", {
  organisationId: uuid("organisation_id").primaryKey(),
  idPrefix: text("id_prefix").notNull(),
  department: text("department").notNull(),
  registerUrl: text("register_url"),
  updatedAt: moment("updated_at").notNull(),
});

/** Migration 0310: the finance controls each organisation sets for its grants. */
export const grantControls = pgTable("grant_controls", {
  organisationId: uuid("organisation_id").primaryKey(),
  separationOfDuties: boolean("separation_of_duties").notNull().default(true),
  separationThresholdPence: pence("separation_threshold_pence").notNull().default(500_000),
  updatedAt: moment("updated_at").notNull(),
});

export const grantProgramme = pgTable(
  "grant_programme",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    grantType: text("grant_type").$type<GrantType>().notNull(),
    budgetPence: pence("budget_pence").notNull(),
    maxAwardPence: pence("max_award_pence").notNull(),
    opensOn: day("opens_on").notNull(),
    closesOn: day("closes_on").notNull(),
    eligibilityQuestions: jsonb("eligibility_questions").$type<EligibilityQuestion[]>().notNull(),
    scoringCriteria: jsonb("scoring_criteria").$type<ScoringCriterion[]>().notNull(),
    outcomes: jsonb("outcomes").$type<ProgrammeOutcome[]>().notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const grantApplication = pgTable(
  "grant_application",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    reference: text("reference").notNull(),
    status: text("status").$type<ApplicationStatus>().notNull(),
    applicantUserId: uuid("applicant_user_id"),
    partnerOrganisationId: uuid("partner_organisation_id"),
    /** Eligibility answers: { questionId: "yes" | "no" }. */
    answers: jsonb("answers").$type<Record<string, string>>().notNull(),
    organisationName: text("organisation_name"),
    organisationType: text("organisation_type"),
    charityNumber: text("charity_number"),
    companyNumber: text("company_number"),
    postcode: text("postcode"),
    town: text("town"),
    // Personal data: the applicant's named contact.
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    projectTitle: text("project_title"),
    projectSummary: text("project_summary"),
    amountRequestedPence: pence("amount_requested_pence"),
    outcomeCodes: jsonb("outcome_codes").$type<string[]>().notNull(),
    eligible: boolean("eligible"),
    eligibilityReasons: jsonb("eligibility_reasons").$type<string[]>().notNull(),
    submittedAt: moment("submitted_at"),
    moderatedScoreBp: integer("moderated_score_bp"),
    moderationNote: text("moderation_note"),
    moderatedBy: text("moderated_by"),
    moderatedByUserId: uuid("moderated_by_user_id"),
    decisionReason: text("decision_reason"),
    decidedAt: moment("decided_at"),
    decidedBy: text("decided_by"),
    decidedByUserId: uuid("decided_by_user_id"),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Mirror of migrations/0302: an application returned to the applicant for changes, and when it came back. */
export const grantApplicationReturn = pgTable(
  "grant_application_return",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    applicationId: uuid("application_id").notNull(),
    reason: text("reason").notNull(),
    returnedBy: text("returned_by").notNull(),
    returnedAt: moment("returned_at").notNull(),
    resubmittedAt: moment("resubmitted_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);
export type GrantApplicationReturn = typeof grantApplicationReturn.$inferSelect;

export const budgetCategories = {
  staff: "Staff",
  equipment: "Equipment",
  venue: "Venue",
  other: "Other",
} as const;
export type BudgetCategory = keyof typeof budgetCategories;

/** Mirror of migrations/0321: one line of an application's budget. */
export const grantBudgetLine = pgTable(
  "grant_budget_line",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    applicationId: uuid("application_id").notNull(),
    description: text("description").notNull(),
    amountPence: pence("amount_pence").notNull(),
    category: text("category").$type<BudgetCategory>(),
    otherFunding: boolean("other_funding").notNull().default(false),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);
export type GrantBudgetLine = typeof grantBudgetLine.$inferSelect;

export const applicationDocumentTypes = {
  constitution: "Constitution or governing document",
  accounts: "Latest accounts",
  "safeguarding-policy": "Safeguarding policy",
  quote: "Quote for costs",
  other: "Other",
} as const;
export type ApplicationDocumentType = keyof typeof applicationDocumentTypes;

/** Mirror of migrations/0321: a file sent with an application; the bytes stay in the database. */
export const grantApplicationDocument = pgTable(
  "grant_application_document",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    applicationId: uuid("application_id").notNull(),
    documentType: text("document_type").$type<ApplicationDocumentType>().notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);
export type GrantApplicationDocument = typeof grantApplicationDocument.$inferSelect;

export const grantAssessment = pgTable(
  "grant_assessment",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    applicationId: uuid("application_id").notNull(),
    assessorUserId: uuid("assessor_user_id"),
    assessorName: text("assessor_name").notNull(),
    conflictDeclared: boolean("conflict_declared").notNull(),
    conflictDetail: text("conflict_detail"),
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    weightedScoreBp: integer("weighted_score_bp"),
    comment: text("comment"),
    submittedAt: moment("submitted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const grantAward = pgTable(
  "grant_award",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    reference: text("reference").notNull(),
    programmeId: uuid("programme_id"),
    applicationId: uuid("application_id"),
    route: text("route").$type<"open-call" | "direct-award">().notNull(),
    directAwardCriterion: text("direct_award_criterion").$type<DirectAwardCriterion>(),
    directAwardJustification: text("direct_award_justification"),
    status: text("status").$type<"proposed" | "active" | "ended">().notNull(),
    grantType: text("grant_type").$type<GrantType>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    recipientName: text("recipient_name").notNull(),
    recipientType: text("recipient_type").notNull(),
    charityNumber: text("charity_number"),
    companyNumber: text("company_number"),
    recipientPostcode: text("recipient_postcode"),
    recipientTown: text("recipient_town"),
    amountAppliedForPence: pence("amount_applied_for_pence"),
    amountAwardedPence: pence("amount_awarded_pence").notNull(),
    awardDate: day("award_date"),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    grantOwner: text("grant_owner").notNull(),
    accountableOfficer: text("accountable_officer").notNull(),
    /** Migration 0320: the staff users chosen; the two names above are as they were at the award. */
    grantOwnerUserId: uuid("grant_owner_user_id"),
    accountableOfficerUserId: uuid("accountable_officer_user_id"),
    outcomeCodes: jsonb("outcome_codes").$type<string[]>().notNull(),
    beneficiaryLaCode: text("beneficiary_la_code"),
    beneficiaryLaName: text("beneficiary_la_name"),
    /** The community investment project this grant pays for, if any (migration 0301). */
    investmentProjectId: uuid("investment_project_id"),
    approvedBy: text("approved_by"),
    /** Migration 0310: who approved the award, compared by the separation-of-duties rule. */
    approvedByUserId: uuid("approved_by_user_id"),
    approvedAt: moment("approved_at"),
    /** Migration 0311: the recipient's bank details, encrypted; see commands/bank-details.ts. */
    bankDetailsSealed: text("bank_details_sealed"),
    bankDetailsUpdatedAt: moment("bank_details_updated_at"),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const grantAgreement = pgTable(
  "grant_agreement",
  {
    organisationId: uuid("organisation_id").notNull(),
    grantId: uuid("grant_id").notNull(),
    conditions: text("conditions").notNull(),
    monitoringFrequency: text("monitoring_frequency").$type<MonitoringFrequency>().notNull(),
    signedOn: day("signed_on"),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.grantId] })],
);

export const grantVariation = pgTable(
  "grant_variation",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    kind: text("kind").$type<"conditions" | "dates" | "reduction" | "ending">().notNull(),
    description: text("description").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: moment("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type PaymentStatus = "scheduled" | "held" | "approved" | "paid" | "cancelled";

export const grantPayment = pgTable(
  "grant_payment",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    instalment: integer("instalment").notNull(),
    dueOn: day("due_on").notNull(),
    amountPence: pence("amount_pence").notNull(),
    status: text("status").$type<PaymentStatus>().notNull(),
    heldReason: text("held_reason"),
    approvedBy: text("approved_by"),
    /** Migration 0310: the authoriser's id, and who recorded the payment, with the bank's reference. */
    approvedByUserId: uuid("approved_by_user_id"),
    approvedAt: moment("approved_at"),
    paidOn: day("paid_on"),
    paidBy: text("paid_by"),
    paidByUserId: uuid("paid_by_user_id"),
    paymentReference: text("payment_reference"),
    earlyPaymentReason: text("early_payment_reason"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const grantMonitoringReturn = pgTable(
  "grant_monitoring_return",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    periodLabel: text("period_label").notNull(),
    dueOn: day("due_on").notNull(),
    status: text("status").$type<"due" | "submitted" | "accepted">().notNull(),
    results: jsonb("results").$type<MonitoringResult[]>().notNull(),
    narrative: text("narrative"),
    submittedAt: moment("submitted_at"),
    submittedBy: text("submitted_by"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const grantFundingChange = pgTable(
  "grant_funding_change",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    kind: text("kind").$type<"reduction" | "ending">().notNull(),
    noticeGivenOn: day("notice_given_on").notNull(),
    effectiveOn: day("effective_on").notNull(),
    newInstalmentPence: pence("new_instalment_pence"),
    reason: text("reason").notNull(),
    overrideReason: text("override_reason"),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: moment("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const grantReminder = pgTable(
  "grant_reminder",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    kind: text("kind").$type<"monitoring-due" | "monitoring-overdue" | "notice-deadline">().notNull(),
    subjectDate: day("subject_date").notNull(),
    message: text("message").notNull(),
    raisedAt: moment("raised_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type GrantProgramme = typeof grantProgramme.$inferSelect;
export type GrantApplication = typeof grantApplication.$inferSelect;
export type GrantAssessment = typeof grantAssessment.$inferSelect;
export type GrantAward = typeof grantAward.$inferSelect;
export type GrantAgreement = typeof grantAgreement.$inferSelect;
export type GrantPayment = typeof grantPayment.$inferSelect;
export type GrantMonitoringReturn = typeof grantMonitoringReturn.$inferSelect;
export type GrantFundingChange = typeof grantFundingChange.$inferSelect;
