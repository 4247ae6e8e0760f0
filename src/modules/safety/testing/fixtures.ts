import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { testNow } from "../../../../test/fixtures.ts";

// Test-only: homes and people for safety tests. The places and people modules own these
// tables; their index.ts has no create-home command, so tests write the rows directly.

export const medway = "E06000035";
export const maidstone = "E07000110";

export async function makeHomes(db: Db, organisationId: string, laCode: string, count: number, uprnStart: number, blockName: string | null = null): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    ids.push(id);
    await db.execute(sql`INSERT INTO home (organisation_id, id, uprn, address_line_1, town, postcode, tenure, la_code, block_name, created_at)
      VALUES (${organisationId}, ${id}, ${String(uprnStart + i)}, ${`${i + 1} Test Street`}, 'Testtown', 'ME1 1AA', 'social-rent', ${laCode}, ${blockName}, ${testNow})`);
  }
  return ids;
}

export async function makePerson(db: Db, organisationId: string, givenName: string, familyName: string, homeId: string | null = null): Promise<string> {
  const id = newId();
  await db.execute(sql`INSERT INTO person (organisation_id, id, given_name, family_name, home_id, person_type, email, created_at)
    VALUES (${organisationId}, ${id}, ${givenName}, ${familyName}, ${homeId}, 'tenant', ${`${givenName.toLowerCase()}@example.org`}, ${testNow})`);
  return id;
}
