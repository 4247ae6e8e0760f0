import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { invalid } from "../http/problem.ts";

export type OrganisationOwned = { organisationId: PgColumn };

/**
 * The one way to say "rows of this organisation": every query on an
 * organisation-owned table builds its WHERE clause with this, so a missing
 * organisation filter shows up in review as a query that does not call it.
 */
export function inOrganisation(
  table: OrganisationOwned,
  organisationId: string,
  ...conditions: (SQL | undefined)[]
): SQL {
  const scoped = and(eq(table.organisationId, organisationId), ...conditions);
  // and() only returns undefined when given no conditions; we always pass one.
  return scoped as SQL;
}

/**
 * Every id a command is given that points at another record must name a record of the
 * actor's own organisation. The lookup is the owning module's own organisation-scoped
 * query; "not there" (undefined or a 404) becomes a 422 against the field, so another
 * organisation's id is refused exactly like an id that does not exist.
 */
export async function requireReference<T>(
  lookup: () => Promise<T | undefined>,
  field: string,
  message: string,
): Promise<T> {
  let found: T | undefined;
  try {
    found = await lookup();
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  if (found === undefined) throw invalid(message, { [field]: message });
  return found;
}

/**
 * The set form of requireReference, for a list of ids (one query for them all): the lookup returns the
 * records of the actor's organisation among them, and any id it does not return, another organisation's
 * or one that never existed, is refused against the field. Duplicates are looked up once.
 */
export async function requireReferences<T extends { id: string }>(
  ids: readonly string[],
  lookup: (unique: string[]) => Promise<T[]>,
  field: string,
  message: string,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await lookup(unique);
  const known = new Set(found.map((record) => record.id));
  if (unique.some((id) => !known.has(id))) throw invalid(message, { [field]: message });
  return found;
}
