import { asc, gt, inArray, sql } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { listPartnerOrganisations } from "../../people/index.ts";
import { applicationOf, programmeOf } from "../queries/joins.ts";
import {
  grantApplication,
  grantAward,
  grantPayment,
  grantProgramme,
  type ProgrammeOutcome,
} from "../schema.ts";

// The register's source rows: every approved grant (active or ended), never proposals.
// Read in keyset pages so a 100,000-grant register streams in constant memory.

export type RegisterRow = {
  id: string;
  reference: string;
  title: string;
  description: string;
  route: "open-call" | "direct-award";
  grantType: string;
  recipientName: string;
  recipientType: string;
  charityNumber: string | null;
  companyNumber: string | null;
  recipientPostcode: string | null;
  recipientTown: string | null;
  amountAppliedForPence: number | null;
  amountAwardedPence: number;
  awardDate: string | null;
  startDate: string;
  endDate: string;
  beneficiaryLaCode: string | null;
  beneficiaryLaName: string | null;
  updatedAt: Date;
  programmeCode: string | null;
  programmeTitle: string | null;
  outcomeCodes: string[];
  programmeOutcomes: ProgrammeOutcome[] | null;
  paidPence: number;
  partnerOrganisationId: string | null;
};

export const publishedStatuses = ["active", "ended"] as const;

type Registration = { charityNumber: string | null; companyNumber: string | null };

/**
 * The charity and company numbers Kith holds for partner organisations, by id and by name, so a
 * grant whose own record lacks them is still published under its registered identifier.
 */
async function partnerRegistrations(db: Db, organisationId: string) {
  const partners = await listPartnerOrganisations(db, systemActor(organisationId, "360Giving register"));
  const withNumbers = partners.filter((p) => p.charityNumber || p.companyNumber);
  const byId = new Map<string, Registration>(withNumbers.map((p) => [p.id, p]));
  const byName = new Map<string, Registration>(withNumbers.map((p) => [nameKey(p.name), p]));
  return (row: RegisterRow): RegisterRow => {
    if (row.charityNumber || row.companyNumber) return row;
    const partner =
      (row.partnerOrganisationId ? byId.get(row.partnerOrganisationId) : undefined) ??
      byName.get(nameKey(row.recipientName));
    return partner
      ? { ...row, charityNumber: partner.charityNumber, companyNumber: partner.companyNumber }
      : row;
  };
}

/** Names compare without case, punctuation or repeated spaces ("St. Mary's" = "st marys"). */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export async function* registerRows(
  db: Db,
  organisationId: string,
  pageSize = 5000,
): AsyncGenerator<RegisterRow[]> {
  const registered = await partnerRegistrations(db, organisationId);
  let after: string | null = null;
  for (;;) {
    const rows: RegisterRow[] = await db
      .select({
        id: grantAward.id,
        reference: grantAward.reference,
        title: grantAward.title,
        description: grantAward.description,
        route: grantAward.route,
        grantType: grantAward.grantType,
        recipientName: grantAward.recipientName,
        recipientType: grantAward.recipientType,
        charityNumber: grantAward.charityNumber,
        companyNumber: grantAward.companyNumber,
        recipientPostcode: grantAward.recipientPostcode,
        recipientTown: grantAward.recipientTown,
        amountAppliedForPence: grantAward.amountAppliedForPence,
        amountAwardedPence: grantAward.amountAwardedPence,
        awardDate: grantAward.awardDate,
        startDate: grantAward.startDate,
        endDate: grantAward.endDate,
        beneficiaryLaCode: grantAward.beneficiaryLaCode,
        beneficiaryLaName: grantAward.beneficiaryLaName,
        updatedAt: grantAward.updatedAt,
        programmeCode: grantProgramme.code,
        programmeTitle: grantProgramme.title,
        outcomeCodes: grantAward.outcomeCodes,
        programmeOutcomes: grantProgramme.outcomes,
        partnerOrganisationId: grantApplication.partnerOrganisationId,
        paidPence:
          sql<number>`coalesce((SELECT sum(${grantPayment.amountPence}) FROM ${grantPayment} WHERE ${grantPayment.organisationId} = ${grantAward.organisationId} AND ${grantPayment.grantId} = ${grantAward.id} AND ${grantPayment.status} = 'paid'), 0)::bigint`.mapWith(
            Number,
          ),
      })
      .from(grantAward)
      .leftJoin(grantProgramme, programmeOf(grantAward))
      .leftJoin(grantApplication, applicationOf(grantAward))
      .where(
        inOrganisation(
          grantAward,
          organisationId,
          inArray(grantAward.status, [...publishedStatuses]),
          after ? gt(grantAward.id, after) : undefined,
        ),
      )
      .orderBy(asc(grantAward.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map(registered);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}
