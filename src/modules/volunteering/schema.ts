import {
  boolean,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { day, moment } from "../../platform/db/columns.ts";
import type { AvailabilitySlot, CheckKind, Theme } from "./vocabulary.ts";

// Mirrors migrations/0500_volunteering.sql. Personal data: volunteer (personal),
// volunteer_check (personal: DBS references), vol_hours (personal: who worked when).

export type OpportunityStatus = "submitted" | "approved" | "rejected" | "closed";
export type ApplicationStatus = "applied" | "approved" | "declined" | "placed" | "ended";
export type HoursStatus = "submitted" | "verified" | "disputed";

export const volOpportunity = pgTable(
  "vol_opportunity",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    activity: text("activity").notNull(),
    theme: text("theme").$type<Theme>().notNull(),
    skills: text("skills").array().notNull(),
    interests: text("interests").array().notNull(),
    availability: text("availability").array().$type<AvailabilitySlot[]>().notNull(),
    remote: boolean("remote").notNull(),
    locationName: text("location_name"),
    postcode: text("postcode"),
    laCode: text("la_code"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    timeCommitment: text("time_commitment").notNull(),
    dbsRequired: boolean("dbs_required").notNull(),
    trainingRequired: text("training_required").array().$type<CheckKind[]>().notNull(),
    minimumAge: integer("minimum_age"),
    places: integer("places").notNull(),
    status: text("status").$type<OpportunityStatus>().notNull(),
    statusReason: text("status_reason"),
    partnerOrganisationId: uuid("partner_organisation_id"),
    projectRef: text("project_ref"),
    createdBy: text("created_by").notNull(),
    createdAt: moment("created_at").notNull(),
    approvedAt: moment("approved_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volSession = pgTable(
  "vol_session",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    opportunityId: uuid("opportunity_id").notNull(),
    startsAt: moment("starts_at").notNull(),
    endsAt: moment("ends_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volunteer = pgTable(
  "volunteer",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    dateOfBirth: day("date_of_birth"),
    postcode: text("postcode"),
    laCode: text("la_code"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    interests: text("interests").array().notNull(),
    skills: text("skills").array().notNull(),
    availability: text("availability").array().$type<AvailabilitySlot[]>().notNull(),
    personId: uuid("person_id"),
    userId: uuid("user_id"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volunteerCheck = pgTable(
  "volunteer_check",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    volunteerId: uuid("volunteer_id").notNull(),
    kind: text("kind").$type<CheckKind>().notNull(),
    reference: text("reference"),
    issuedOn: day("issued_on").notNull(),
    expiresOn: day("expires_on"),
    recordedAt: moment("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volApplication = pgTable(
  "vol_application",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    opportunityId: uuid("opportunity_id").notNull(),
    volunteerId: uuid("volunteer_id").notNull(),
    status: text("status").$type<ApplicationStatus>().notNull(),
    message: text("message"),
    statusReason: text("status_reason"),
    appliedAt: moment("applied_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
    /** The coordinator who placed the volunteer: they hear when the volunteer goes quiet. */
    placedBy: uuid("placed_by"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volHourlyRate = pgTable(
  "vol_hourly_rate",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    year: integer("year").notNull(),
    ratePence: integer("rate_pence").notNull(),
    source: text("source").notNull(),
    recordedAt: moment("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volHours = pgTable(
  "vol_hours",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    volunteerId: uuid("volunteer_id").notNull(),
    opportunityId: uuid("opportunity_id").notNull(),
    sessionId: uuid("session_id"),
    workedOn: day("worked_on").notNull(),
    minutes: integer("minutes").notNull(),
    theme: text("theme").$type<Theme>().notNull(),
    laCode: text("la_code"),
    projectRef: text("project_ref"),
    status: text("status").$type<HoursStatus>().notNull(),
    disputeReason: text("dispute_reason"),
    note: text("note"),
    loggedBy: text("logged_by").$type<"volunteer" | "coordinator">().notNull(),
    loggedAt: moment("logged_at").notNull(),
    verifiedAt: moment("verified_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const volMilestone = pgTable(
  "vol_milestone",
  {
    organisationId: uuid("organisation_id").notNull(),
    volunteerId: uuid("volunteer_id").notNull(),
    hours: integer("hours").notNull(),
    reachedAt: moment("reached_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.volunteerId, t.hours] })],
);

export const volDocumentTemplate = pgTable(
  "vol_document_template",
  {
    organisationId: uuid("organisation_id").notNull(),
    kind: text("kind").$type<"certificate" | "reference">().notNull(),
    heading: text("heading").notNull(),
    body: text("body").notNull(),
    signedBy: text("signed_by").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind] })],
);

// migrations/0502_volunteering_at_risk.sql
export const volSetting = pgTable(
  "vol_setting",
  {
    organisationId: uuid("organisation_id").notNull(),
    atRiskWeeks: integer("at_risk_weeks").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId] })],
);

export const volAtRiskAlert = pgTable(
  "vol_at_risk_alert",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    volunteerId: uuid("volunteer_id").notNull(),
    quietSince: day("quiet_since").notNull(),
    weeks: integer("weeks").notNull(),
    coordinatorUserId: uuid("coordinator_user_id"),
    message: text("message").notNull(),
    raisedAt: moment("raised_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.volunteerId, t.quietSince),
  ],
);

export type Opportunity = typeof volOpportunity.$inferSelect;
export type Volunteer = typeof volunteer.$inferSelect;
export type VolunteerCheck = typeof volunteerCheck.$inferSelect;
export type Application = typeof volApplication.$inferSelect;
export type HoursRecord = typeof volHours.$inferSelect;
export type HourlyRate = typeof volHourlyRate.$inferSelect;
