import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tagPersonalData } from "../../platform/audit/personal-data.ts";
import { day, moment } from "../../platform/db/columns.ts";

export const personTypes = ["tenant", "resident", "contact"] as const;
export type PersonType = (typeof personTypes)[number];

export const person = pgTable(
  "person",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: day("date_of_birth"),
    email: text("email"),
    phone: text("phone"),
    homeId: uuid("home_id"),
    address: text("address"),
    postcode: text("postcode"),
    personType: text("person_type").$type<PersonType>().notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const personEquality = pgTable(
  "person_equality",
  {
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id").notNull(),
    consentGivenAt: moment("consent_given_at").notNull(),
    consentRecordedBy: uuid("consent_recorded_by").notNull(),
    ethnicGroup: text("ethnic_group"),
    disability: text("disability"),
    sex: text("sex"),
    genderIdentitySameAsBirth: text("gender_identity_same_as_birth"),
    sexualOrientation: text("sexual_orientation"),
    religion: text("religion"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.personId] })],
);

export const household = pgTable(
  "household",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    homeId: uuid("home_id").notNull(),
    name: text("name").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const householdMember = pgTable(
  "household_member",
  {
    organisationId: uuid("organisation_id").notNull(),
    householdId: uuid("household_id").notNull(),
    personId: uuid("person_id").notNull(),
    relationship: text("relationship").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.householdId, t.personId] })],
);

export const tenancyTypes = [
  "assured",
  "starter",
  "secure",
  "introductory",
  "flexible",
  "licence",
  "shared-ownership-lease",
] as const;

export const tenancy = pgTable(
  "tenancy",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    homeId: uuid("home_id").notNull(),
    tenancyType: text("tenancy_type").$type<(typeof tenancyTypes)[number]>().notNull(),
    startDate: day("start_date").notNull(),
    endDate: day("end_date"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const tenancyHolder = pgTable(
  "tenancy_holder",
  {
    organisationId: uuid("organisation_id").notNull(),
    tenancyId: uuid("tenancy_id").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.tenancyId, t.personId] })],
);

export const partnerKinds = [
  "charity",
  "community-group",
  "supplier",
  "agency",
  "social-enterprise",
  "public-body",
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerOrganisation = pgTable(
  "partner_organisation",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<PartnerKind>().notNull(),
    charityNumber: text("charity_number"),
    companyNumber: text("company_number"),
    orgIdentifier: text("org_identifier"),
    address: text("address"),
    postcode: text("postcode"),
    laCode: text("la_code"),
    website: text("website"),
    email: text("email"),
    phone: text("phone"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

// UK GDPR categories: the audit log, subject access export, redaction and retention work from these tags.
tagPersonalData("person", {
  givenName: "personal",
  familyName: "personal",
  dateOfBirth: "personal",
  email: "personal",
  phone: "personal",
  address: "personal",
  postcode: "personal",
});
tagPersonalData("person_equality", {
  ethnicGroup: "special-category",
  disability: "special-category",
  sex: "personal",
  genderIdentitySameAsBirth: "special-category",
  sexualOrientation: "special-category",
  religion: "special-category",
});
tagPersonalData("partner_organisation", { email: "personal", phone: "personal" });

export type Person = typeof person.$inferSelect;
export type PartnerOrganisation = typeof partnerOrganisation.$inferSelect;
