import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { importCases } from "../commands/import-cases.ts";

// Test-only: case records loaded the way a landlord moves them in, through the case import.

export const caseCsvHeader = "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports";

/** Imports the rows (written under `caseCsvHeader`) as the organisation's own records. */
export async function importCaseRows(
  database: Database,
  organisationId: string,
  rows: string[],
  fileName = "cases.csv",
): Promise<void> {
  const csv = [caseCsvHeader, ...rows].join("\n");
  await importCases(database.db, systemActor(organisationId, "test"), testNow, csv, fileName);
}

export type TwoLandlords = { database: Database; organisationId: string; otherOrganisationId: string };

/** A test database with a landlord and a second one, "Other Homes", whose records must never show. */
export async function openTwoLandlords(): Promise<TwoLandlords> {
  const database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const otherOrganisationId = (await makeOrganisation(database.db, "Other Homes")).id;
  return { database, organisationId, otherOrganisationId };
}

/**
 * The other landlord's one noise case at UPRN 1000, reported on the given days: the same UPRN and
 * area as ours, so a figure that counted it would be scoped wrongly.
 */
export async function importOtherLandlordCase(
  database: Database,
  otherOrganisationId: string,
  reportedOn = ["2025-05-01"],
): Promise<void> {
  await importCaseRows(
    database,
    otherOrganisationId,
    [`X-1,2025-05-01,,noise,,1000,Q1:complainant,${reportedOn.join(";")}`],
    "other.csv",
  );
}
