import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { auditActorColumns, auditChangeColumns, auditSubjectColumns } from "../audit/audit-columns.ts";
import { bytea, moment } from "./columns.ts";

// The read log lives with the audit code; re-exported so the schema-drift test checks it too.
export { auditReadLog } from "../audit/audit-read-log-schema.ts";

export const kithSetting = pgTable("kith_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const organisation = pgTable("organisation", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull(),
  kind: text("kind").$type<"housing-association" | "council" | "platform">().notNull(),
  orgIdentifier: text("org_identifier"),
  imdEdition: text("imd_edition").$type<"iod2019" | "iod2025">().notNull(),
  priorityMaxDecile: integer("priority_max_decile").notNull(),
  /** The longest lifetime, in days, an API token of this organisation can be given. */
  apiTokenMaxDays: integer("api_token_max_days").notNull().default(90),
  createdAt: moment("created_at").notNull(),
  mailSenderName: text("mail_sender_name"),
  mailSenderAddress: text("mail_sender_address"),
});

/** Mirror of migrations/0008_organisation_brand.sql. */
export const organisationBrand = pgTable("organisation_brand", {
  organisationId: uuid("organisation_id").primaryKey(),
  displayName: text("display_name"),
  colour: text("colour"),
  contactEmail: text("contact_email"),
  contactPhone: text("contact_phone"),
  contactAddress: text("contact_address"),
  website: text("website"),
  /** Lines of the postal address for letterheads, one a line; the postcode is held apart. */
  postalAddress: text("postal_address"),
  postalPostcode: text("postal_postcode"),
  logoContentType: text("logo_content_type").$type<"image/svg+xml" | "image/png">(),
  logo: bytea("logo"),
  version: text("version").notNull(),
  updatedAt: moment("updated_at").notNull(),
});

export const appUser = pgTable(
  "app_user",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    personId: uuid("person_id"),
    partnerOrganisationId: uuid("partner_organisation_id"),
    failedLogins: integer("failed_logins").notNull(),
    lockedUntil: moment("locked_until"),
    disabledAt: moment("disabled_at"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/**
 * The one global look-up (decision 0008): which organisation a sign-in email belongs to.
 * A reference table on Citus; it keeps emails unique across organisations.
 */
export const signInEmail = pgTable("sign_in_email", {
  /** Lower-cased. */
  email: text("email").primaryKey(),
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
});

export const userSession = pgTable(
  "user_session",
  {
    tokenHash: text("token_hash").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: moment("created_at").notNull(),
    lastSeenAt: moment("last_seen_at").notNull(),
    expiresAt: moment("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.tokenHash] })],
);

export const passwordReset = pgTable(
  "password_reset",
  {
    tokenHash: text("token_hash").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: moment("created_at").notNull(),
    expiresAt: moment("expires_at").notNull(),
    usedAt: moment("used_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.tokenHash] })],
);

/** Single-use links that let a new user choose their own password (platform/auth/invitations.ts). */
export const userInvitation = pgTable(
  "user_invitation",
  {
    organisationId: uuid("organisation_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id").notNull(),
    invitedByUserId: uuid("invited_by_user_id"),
    createdAt: moment("created_at").notNull(),
    expiresAt: moment("expires_at").notNull(),
    usedAt: moment("used_at"),
    accepted: boolean("accepted").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.tokenHash] })],
);

/** Atomic counters for sign-in and abuse limits (see platform/auth/rate-limit.ts). */
export const rateLimit = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  windowStartedAt: moment("window_started_at").notNull(),
});

export const apiToken = pgTable(
  "api_token",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: moment("created_at").notNull(),
    expiresAt: moment("expires_at").notNull(),
    lastUsedAt: moment("last_used_at"),
    revokedAt: moment("revoked_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const auditLog = pgTable(
  "audit_log",
  {
    organisationId: uuid("organisation_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    ...auditActorColumns(),
    action: text("action").notNull(),
    ...auditSubjectColumns(),
    ...auditChangeColumns(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.seq] })],
);

export const job = pgTable("job", {
  id: uuid("id").primaryKey(),
  organisationId: uuid("organisation_id"),
  name: text("name").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  runAt: moment("run_at").notNull(),
  status: text("status").$type<"pending" | "running" | "done" | "failed">().notNull(),
  attempts: integer("attempts").notNull(),
  lockedUntil: moment("locked_until"),
  claimedBy: uuid("claimed_by"),
  lastError: text("last_error"),
  dedupeKey: text("dedupe_key"),
  finishedAt: moment("finished_at"),
});

/** queued → sending (claimed by one worker) → sent, or back to queued after a failure, or failed. */
export type OutboundStatus = "queued" | "sending" | "sent" | "failed";

export const outboundMessage = pgTable(
  "outbound_message",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: moment("created_at").notNull(),
    sentAt: moment("sent_at"),
    reason: text("reason"),
    status: text("status").$type<OutboundStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: moment("next_attempt_at"),
    lastAttemptAt: moment("last_attempt_at"),
    lastError: text("last_error"),
    claimedBy: text("claimed_by"),
    claimedUntil: moment("claimed_until"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);
