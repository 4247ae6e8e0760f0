import { bigint, boolean, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { day, moment, pence } from "../../platform/db/columns.ts";

// Mirror of migrations/0200_investment.sql. Personal data: participant (name, date of birth,
// area, communities of interest), attendance and outcome_record/outcome_file (about a person).

export const indicatorLevels = ["individual", "community", "business"] as const;
export type IndicatorLevel = (typeof indicatorLevels)[number];
export const indicatorUnits = ["count", "percent", "pence", "hours", "score"] as const;
export const stages = ["idea", "pipeline", "active", "closed"] as const;
export type Stage = (typeof stages)[number];
export const answers = ["yes", "partly", "no"] as const;
export type Answer = (typeof answers)[number];
export const lifeRoles = ["lead", "influence", "follow", "exit"] as const;
export type LifeRole = (typeof lifeRoles)[number];
export const communities = ["older-residents", "young-people", "disability"] as const;
export type Community = (typeof communities)[number];
export const depths = ["light", "in-depth"] as const;
export type Depth = (typeof depths)[number];
export const attendanceRoles = ["participant", "volunteer", "service-user-input"] as const;
export type AttendanceRole = (typeof attendanceRoles)[number];

export const investmentTheme = pgTable(
  "investment_theme",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    crossCutting: boolean("cross_cutting").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const investmentOutcome = pgTable(
  "investment_outcome",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    themeId: uuid("theme_id").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const investmentIndicator = pgTable(
  "investment_indicator",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    themeId: uuid("theme_id").notNull(),
    outcomeId: uuid("outcome_id"),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: text("level").$type<IndicatorLevel>().notNull(),
    unit: text("unit").$type<(typeof indicatorUnits)[number]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const indicatorTarget = pgTable(
  "indicator_target",
  {
    organisationId: uuid("organisation_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    period: text("period").notNull(),
    baseline: numeric("baseline", { mode: "number" }),
    target: numeric("target", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.indicatorId, t.period] })],
);

export const changeTemplate = pgTable(
  "change_template",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    inputs: text("inputs").notNull(),
    activities: text("activities").notNull(),
    outputs: text("outputs").notNull(),
    outcomes: text("outcomes").notNull(),
    indicatorCodes: text("indicator_codes").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const project = pgTable(
  "project",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    summary: text("summary"),
    kind: text("kind").$type<"project" | "service">().notNull(),
    stage: text("stage").$type<Stage>().notNull(),
    communityDevelopment: boolean("community_development").notNull(),
    leadPartnerId: uuid("lead_partner_id"),
    needAnswer: text("need_answer").$type<Answer>().notNull(),
    bestPlacedAnswer: text("best_placed_answer").$type<Answer>().notNull(),
    resourceAnswer: text("resource_answer").$type<Answer>().notNull(),
    lifeRole: text("life_role").$type<LifeRole>().notNull(),
    changeTemplateId: uuid("change_template_id"),
    tocInputs: text("toc_inputs").notNull(),
    tocActivities: text("toc_activities").notNull(),
    tocOutputs: text("toc_outputs").notNull(),
    tocOutcomes: text("toc_outcomes").notNull(),
    indicatorCodes: text("indicator_codes").array().notNull(),
    followUpMonths: integer("follow_up_months").array().notNull(),
    attributionPercent: numeric("attribution_percent", { mode: "number" }).notNull(),
    displacementPercent: numeric("displacement_percent", { mode: "number" }).notNull(),
    dropOffPercent: numeric("drop_off_percent", { mode: "number" }).notNull(),
    benefitYears: integer("benefit_years").notNull(),
    assetId: uuid("asset_id"),
    startsOn: day("starts_on"),
    endsOn: day("ends_on"),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const projectTheme = pgTable(
  "project_theme",
  {
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    themeId: uuid("theme_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.projectId, t.themeId] })],
);

export const projectArea = pgTable(
  "project_area",
  {
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    laCode: text("la_code").notNull(),
    lsoa21Code: text("lsoa21_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.projectId, t.laCode, t.lsoa21Code] })],
);

export const projectPartner = pgTable(
  "project_partner",
  {
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    partnerId: uuid("partner_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.projectId, t.partnerId] })],
);

export const projectFunding = pgTable(
  "project_funding",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    projectId: uuid("project_id").notNull(),
    source: text("source").notNull(),
    kind: text("kind").$type<"internal" | "external">().notNull(),
    amountPence: pence("amount_pence").notNull(),
    year: integer("year").notNull(),
    secured: boolean("secured").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const projectSpend = pgTable(
  "project_spend",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    projectId: uuid("project_id").notNull(),
    spentOn: day("spent_on").notNull(),
    amountPence: pence("amount_pence").notNull(),
    description: text("description").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const steeringMember = pgTable(
  "steering_member",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    projectId: uuid("project_id").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    localPerson: boolean("local_person").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const participant = pgTable(
  "participant",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    personId: uuid("person_id"),
    externalRef: text("external_ref"),
    displayName: text("display_name").notNull(),
    dateOfBirth: day("date_of_birth"),
    tenant: boolean("tenant").notNull(),
    laCode: text("la_code"),
    lsoa21Code: text("lsoa21_code"),
    communities: text("communities").array().$type<Community[]>().notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const activitySession = pgTable(
  "activity_session",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    projectId: uuid("project_id").notNull(),
    title: text("title").notNull(),
    heldOn: day("held_on").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    depth: text("depth").$type<Depth>().notNull(),
    laCode: text("la_code").notNull(),
    lsoa21Code: text("lsoa21_code"),
    assetId: uuid("asset_id"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const attendance = pgTable(
  "attendance",
  {
    organisationId: uuid("organisation_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    role: text("role").$type<AttendanceRole>().notNull(),
    minutes: integer("minutes").notNull(),
    // The session's date, copied so a year's figures read only that year's rows (index
    // attendance_held_on). The foreign key to the session includes it, so it cannot drift.
    heldOn: day("held_on").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.sessionId, t.participantId] })],
);

/**
 * What each person did in each block of 60 calendar months, as month bits (migration 0910). Written
 * only through commands/attendance-summary.ts, read by the delivery figures' whole months.
 */
export const attendanceSummary = pgTable(
  "attendance_summary",
  {
    organisationId: uuid("organisation_id").notNull(),
    block: integer("block").notNull(),
    participantId: uuid("participant_id").notNull(),
    resident: bigint("resident", { mode: "bigint" }).notNull(),
    inDepth: bigint("in_depth", { mode: "bigint" }).notNull(),
    volunteer: bigint("volunteer", { mode: "bigint" }).notNull(),
    serviceUser: bigint("service_user", { mode: "bigint" }).notNull(),
    themeIds: uuid("theme_ids").array().notNull(),
    themeResident: bigint("theme_resident", { mode: "bigint" }).array().notNull(),
    themeInDepth: bigint("theme_in_depth", { mode: "bigint" }).array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.block, t.participantId] })],
);

export const outcomeRecord = pgTable(
  "outcome_record",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    participantId: uuid("participant_id").notNull(),
    projectId: uuid("project_id").notNull(),
    valueCode: text("value_code"),
    achievedOn: day("achieved_on").notNull(),
    wellbeingBefore: integer("wellbeing_before"),
    wellbeingAfter: integer("wellbeing_after"),
    distanceBefore: integer("distance_before"),
    distanceAfter: integer("distance_after"),
    evidence: text("evidence").notNull(),
    story: text("story"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const outcomeFollowUp = pgTable(
  "outcome_follow_up",
  {
    organisationId: uuid("organisation_id").notNull(),
    outcomeId: uuid("outcome_id").notNull(),
    months: integer("months").notNull(),
    dueOn: day("due_on").notNull(),
    completedOn: day("completed_on"),
    distanceRating: integer("distance_rating"),
    wellbeingScore: integer("wellbeing_score"),
    sustained: boolean("sustained"),
    /** Set by the daily reminders job (migration 0202): each follow-up is reminded once. */
    remindedOn: day("reminded_on"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.outcomeId, t.months] })],
);

/** A named group of a project's participants (migration 0204), added to a register at once. */
export const participantGroup = pgTable(
  "participant_group",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    projectId: uuid("project_id").notNull(),
    name: text("name").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const participantGroupMember = pgTable(
  "participant_group_member",
  {
    organisationId: uuid("organisation_id").notNull(),
    groupId: uuid("group_id").notNull(),
    participantId: uuid("participant_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.groupId, t.participantId] })],
);
