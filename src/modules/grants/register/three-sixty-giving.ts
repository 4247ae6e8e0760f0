import { monthsBetween } from "../../../platform/dates/calendar.ts";
import { poundsFromPence } from "../../../platform/exports/csv.ts";
import { organisationTypes } from "../inputs.ts";
import { geoCodeTypeOf } from "./codelists.ts";
import { type RegisterIssue, recipientIdentity } from "./org-id.ts";
import type { RegisterRow } from "./register-rows.ts";
import type { RegisterSettings } from "./settings.ts";

// One grant in the 360Giving Data Standard (schema 1.4). Amounts are pounds as numbers
// (the standard's unit); Kith keeps pence, so the division is the only conversion.

export type ThreeSixtyGivingGrant = Record<string, unknown>;

const typeNames: Record<string, string> = { ...organisationTypes };

export function threeSixtyGivingGrant(
  row: RegisterRow,
  settings: RegisterSettings,
  issues: RegisterIssue[],
): ThreeSixtyGivingGrant {
  const identity = recipientIdentity(row, settings.prefix, issues);
  const recipient: Record<string, unknown> = {
    id: identity.id,
    name: row.recipientName,
    organisationType: typeNames[row.recipientType] ?? row.recipientType,
  };
  if (identity.charityNumber) recipient.charityNumber = identity.charityNumber;
  if (identity.companyNumber) recipient.companyNumber = identity.companyNumber;
  if (row.recipientTown) recipient.addressLocality = row.recipientTown;
  if (row.recipientPostcode) recipient.postalCode = row.recipientPostcode;
  recipient.addressCountry = "United Kingdom";

  const grant: ThreeSixtyGivingGrant = {
    id: `${settings.prefix}-${row.reference}`,
    title: row.title,
    description: row.description,
    currency: "GBP",
  };
  if (row.amountAppliedForPence !== null) grant.amountAppliedFor = poundsFromPence(row.amountAppliedForPence);
  grant.amountAwarded = poundsFromPence(row.amountAwardedPence);
  if (row.paidPence > 0) grant.amountDisbursed = poundsFromPence(row.paidPence);
  grant.awardDate = row.awardDate ?? row.startDate;
  grant.plannedDates = [
    { startDate: row.startDate, endDate: row.endDate, duration: monthsBetween(row.startDate, row.endDate) },
  ];
  grant.recipientOrganization = [recipient];
  if (row.beneficiaryLaCode) grant.beneficiaryLocation = [beneficiaryLocation(row, issues)];
  grant.fundingOrganization = [
    { id: settings.funderId, name: settings.funderName, department: settings.department },
  ];
  if (row.programmeCode) grant.grantProgramme = [{ code: row.programmeCode, title: row.programmeTitle }];
  else grant.grantProgramme = [{ code: "DIRECT", title: "Direct awards" }];
  grant.fromOpenCall = row.route === "open-call" ? "Yes" : "No";
  grant.classifications = [
    {
      vocabulary: "kith-grant-type",
      code: row.grantType,
      title: row.grantType === "strategic" ? "Strategic grant" : "Innovation grant",
    },
    ...frameworkClassifications(row, settings.prefix),
  ];
  grant.dateModified = row.updatedAt.toISOString();
  if (settings.dataSource) grant.dataSource = settings.dataSource;
  return grant;
}

/**
 * The area that benefits, typed from 360Giving's closed geoCodeType codelist by its GSS code
 * (E06 → UA, E07 → NMD …). A code the list has no type for goes out by name only, and is reported.
 */
function beneficiaryLocation(row: RegisterRow, issues: RegisterIssue[]): Record<string, string> {
  const code = row.beneficiaryLaCode ?? "";
  const name = row.beneficiaryLaName ?? code;
  const geoCodeType = geoCodeTypeOf(code);
  if (geoCodeType) return { name, geoCode: code, geoCodeType, countryCode: "GB" };
  issues.push({
    grant: row.reference,
    field: "Beneficiary Location:Geographic Code Type",
    message: `${code} has no type in the 360Giving geoCodeType codelist; exported with the area's name only`,
  });
  return { name, countryCode: "GB" };
}

/**
 * The funder's outcomes the grant is linked to, where they come from the outcome framework:
 * 360Giving has no outcomes field, so they travel as classifications in the funder's own
 * vocabulary (the standard's place for a publisher's codelists). JSON only: the flat CSV
 * carries one classification column set, which keeps the grant type.
 */
function frameworkClassifications(row: RegisterRow, prefix: string): Record<string, string>[] {
  return row.outcomeCodes.flatMap((code) => {
    const outcome = row.programmeOutcomes?.find((o) => o.code === code);
    if (!outcome?.frameworkOutcomeId) return [];
    return [{ vocabulary: `${prefix}-outcome-framework`, code, title: outcome.title }];
  });
}

/**
 * The CSV columns: 360Giving's flattened headings (schema titles joined with ":"),
 * the form its own templates and the Data Quality Tool read.
 */
export const csvColumns: { heading: string; value: (grant: ThreeSixtyGivingGrant) => unknown }[] = [
  { heading: "Identifier", value: (g) => g.id },
  { heading: "Title", value: (g) => g.title },
  { heading: "Description", value: (g) => g.description },
  { heading: "Currency", value: (g) => g.currency },
  { heading: "Amount Applied For", value: (g) => g.amountAppliedFor },
  { heading: "Amount Awarded", value: (g) => g.amountAwarded },
  { heading: "Amount Disbursed", value: (g) => g.amountDisbursed },
  { heading: "Award Date", value: (g) => g.awardDate },
  { heading: "Planned Dates:Start Date", value: (g) => first(g.plannedDates).startDate },
  { heading: "Planned Dates:End Date", value: (g) => first(g.plannedDates).endDate },
  { heading: "Planned Dates:Duration (months)", value: (g) => first(g.plannedDates).duration },
  { heading: "Recipient Org:Identifier", value: (g) => first(g.recipientOrganization).id },
  { heading: "Recipient Org:Name", value: (g) => first(g.recipientOrganization).name },
  { heading: "Recipient Org:Charity Number", value: (g) => first(g.recipientOrganization).charityNumber },
  { heading: "Recipient Org:Company Number", value: (g) => first(g.recipientOrganization).companyNumber },
  {
    heading: "Recipient Org:Organisation Type",
    value: (g) => first(g.recipientOrganization).organisationType,
  },
  { heading: "Recipient Org:City", value: (g) => first(g.recipientOrganization).addressLocality },
  { heading: "Recipient Org:Postal Code", value: (g) => first(g.recipientOrganization).postalCode },
  { heading: "Recipient Org:Country", value: (g) => first(g.recipientOrganization).addressCountry },
  { heading: "Beneficiary Location:Name", value: (g) => first(g.beneficiaryLocation).name },
  { heading: "Beneficiary Location:Geographic Code", value: (g) => first(g.beneficiaryLocation).geoCode },
  {
    heading: "Beneficiary Location:Geographic Code Type",
    value: (g) => first(g.beneficiaryLocation).geoCodeType,
  },
  { heading: "Beneficiary Location:Country Code", value: (g) => first(g.beneficiaryLocation).countryCode },
  { heading: "Funding Org:Identifier", value: (g) => first(g.fundingOrganization).id },
  { heading: "Funding Org:Name", value: (g) => first(g.fundingOrganization).name },
  { heading: "Funding Org:Department", value: (g) => first(g.fundingOrganization).department },
  { heading: "Grant Programme:Code", value: (g) => first(g.grantProgramme).code },
  { heading: "Grant Programme:Title", value: (g) => first(g.grantProgramme).title },
  { heading: "From An Open Call?", value: (g) => g.fromOpenCall },
  { heading: "Classifications:Vocabulary", value: (g) => first(g.classifications).vocabulary },
  { heading: "Classifications:Code", value: (g) => first(g.classifications).code },
  { heading: "Classifications:Title", value: (g) => first(g.classifications).title },
  { heading: "Last Modified", value: (g) => g.dateModified },
  { heading: "Data Source", value: (g) => g.dataSource },
];

function first(value: unknown): Record<string, unknown> {
  return Array.isArray(value) && value.length > 0 ? (value[0] as Record<string, unknown>) : {};
}
