import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { type Person, person } from "../schema.ts";

export type PossibleDuplicate = { person: Person; reason: string };

/**
 * People who may be the one being added: the same name and date of birth, or the
 * same name at the same home or postcode. Names compare case- and space-insensitively.
 */
export async function findPossibleDuplicates(
  db: Db,
  organisationId: string,
  candidate: {
    givenName: string;
    familyName: string;
    dateOfBirth: string | null;
    homeId: string | null;
    postcode: string | null;
  },
): Promise<PossibleDuplicate[]> {
  const sameName = and(
    sql`lower(trim(${person.givenName})) = ${candidate.givenName.trim().toLowerCase()}`,
    sql`lower(trim(${person.familyName})) = ${candidate.familyName.trim().toLowerCase()}`,
  );
  const matches = [
    candidate.dateOfBirth ? eq(person.dateOfBirth, candidate.dateOfBirth) : undefined,
    candidate.homeId ? eq(person.homeId, candidate.homeId) : undefined,
    candidate.postcode ? eq(person.postcode, candidate.postcode) : undefined,
  ].filter(Boolean);
  if (matches.length === 0) return [];
  const rows = await db
    .select()
    .from(person)
    .where(inOrganisation(person, organisationId, sameName, or(...matches)))
    .limit(10);
  return rows.map((row) => ({
    person: row,
    reason:
      candidate.dateOfBirth && row.dateOfBirth === candidate.dateOfBirth
        ? "same name and date of birth"
        : "same name at the same address",
  }));
}
