import type { Database } from "../../../platform/db/database.ts";
import { makeHomesWith, medway } from "../../safety/testing/fixtures.ts";

// Test-only: the homes the place profile tests count their figures per 1,000 of.

export { medway };
export const medway015A = "E01016016";

/** Six social-rent homes on one street in Medway 015A, with UPRNs from `uprnStart`, added at `at`. */
export async function addProfileHomes(
  database: Database,
  organisationId: string,
  at: Date,
  street: string,
  uprnStart: number,
): Promise<void> {
  await makeHomesWith(
    database,
    organisationId,
    6,
    uprnStart,
    { laCode: medway, lsoa21Code: medway015A, town: "Chatham", postcode: "ME4 5AB" },
    (_uprn, index) => `${index + 1} ${street}`,
    at,
  );
}
