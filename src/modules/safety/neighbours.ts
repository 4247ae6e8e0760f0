import type { Db } from "../../platform/db/database.ts";
import { sql } from "drizzle-orm";

// The only place this module reaches other modules (places and people). Everything else in
// safety calls these functions, so the module's edges are visible in one file.

export type HomeRef = { id: string; uprn: string; address: string; postcode: string; blockName: string | null; laCode: string };

type HomeRow = { id: string; uprn: string; address_line_1: string; postcode: string; block_name: string | null; la_code: string };

function toHomeRef(row: HomeRow): HomeRef {
  return { id: row.id, uprn: row.uprn, address: row.address_line_1, postcode: row.postcode, blockName: row.block_name, laCode: row.la_code };
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function homeById(db: Db, organisationId: string, homeId: string): Promise<HomeRef | undefined> {
  const [row] = await rows<HomeRow>(db, sql`SELECT id, uprn, address_line_1, postcode, block_name, la_code FROM home WHERE organisation_id = ${organisationId} AND id = ${homeId}`);
  return row ? toHomeRef(row) : undefined;
}

export async function homeByUprn(db: Db, organisationId: string, uprn: string): Promise<HomeRef | undefined> {
  const [row] = await rows<HomeRow>(db, sql`SELECT id, uprn, address_line_1, postcode, block_name, la_code FROM home WHERE organisation_id = ${organisationId} AND uprn = ${uprn}`);
  return row ? toHomeRef(row) : undefined;
}

export async function homesByLocalAuthority(db: Db, organisationId: string): Promise<{ laCode: string; laName: string; homes: number }[]> {
  const list = await rows<{ la_code: string; la_name: string; homes: string | number }>(
    db,
    sql`SELECT h.la_code, la.name AS la_name, count(*) AS homes FROM home h JOIN local_authority la ON la.gss_code = h.la_code
        WHERE h.organisation_id = ${organisationId} GROUP BY h.la_code, la.name ORDER BY la.name`,
  );
  return list.map((row) => ({ laCode: row.la_code, laName: row.la_name, homes: Number(row.homes) }));
}

export async function localAuthorityNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const list = await rows<{ gss_code: string; name: string }>(db, sql`SELECT gss_code, name FROM local_authority WHERE gss_code IN ${codes}`);
  return new Map(list.map((row) => [row.gss_code, row.name]));
}

export type PersonRef = { id: string; name: string; dateOfBirth: string | null; homeId: string | null; address: string | null; contact: string | null };

export async function personById(db: Db, organisationId: string, personId: string): Promise<PersonRef | undefined> {
  const [row] = await rows<{ id: string; given_name: string; family_name: string; date_of_birth: string | null; home_id: string | null; address: string | null; email: string | null; phone: string | null }>(
    db,
    sql`SELECT id, given_name, family_name, date_of_birth::text, home_id, address, email, phone FROM person WHERE organisation_id = ${organisationId} AND id = ${personId}`,
  );
  if (!row) return undefined;
  return { id: row.id, name: `${row.given_name} ${row.family_name}`, dateOfBirth: row.date_of_birth, homeId: row.home_id, address: row.address, contact: row.email ?? row.phone };
}

/** Age band on a date, as the people module defines it (under-25, 25-49, 50-plus). */
export function ageBand(dateOfBirth: string | null, on: string): "under-25" | "25-49" | "50-plus" | "unknown" {
  if (!dateOfBirth) return "unknown";
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (on.slice(5) < dateOfBirth.slice(5) ? 1 : 0);
  return years < 25 ? "under-25" : years < 50 ? "25-49" : "50-plus";
}
