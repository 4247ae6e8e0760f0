import { asc, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canViewPeople } from "../policy.ts";
import { person } from "../schema.ts";
import { ageBand } from "./people.ts";

/** What tells two people of the same name apart on a register: never the full date of birth. */
export type PersonDetail = {
  id: string;
  name: string;
  ageBand: ReturnType<typeof ageBand>;
  street: string | null;
  postcode: string | null;
  reference: string;
};

/**
 * A person's short reference: the last six characters of their id, upper case. The first
 * characters of a UUID v7 are its creation time, so they repeat across people added together.
 */
export function personReference(id: string): string {
  return id.slice(-6).toUpperCase();
}

/** The words of a search, checked: at least two characters, at most 100. */
export function searchTerm(text: string | undefined, field = "q"): string {
  const term = (text ?? "").trim().replace(/\s+/g, " ");
  if (term.length < 2)
    throw invalid("Enter at least 2 characters to search.", {
      [field]: "Enter at least 2 characters of a name, postcode or reference",
    });
  if (term.length > 100)
    throw invalid("Enter 100 characters or fewer to search.", {
      [field]: "Search must be 100 characters or fewer",
    });
  return term;
}

/** `%`, `_` and `\` are literal characters in a search, never LIKE wildcards. */
export function likePrefix(term: string): string {
  return `${term.replace(/[\\%_]/g, "\\$&")}%`;
}

// The expressions match the indexes of migration 0016, so each branch is an index range scan.
const fullName = sql`lower(${person.givenName} || ' ' || ${person.familyName})`;
const familyName = sql`lower(${person.familyName})`;
const postcodeKey = sql`replace(upper(${person.postcode}), ' ', '')`;
const reference = sql`upper(right(${person.id}::text, 6))`;

function street(address: string | null): string | null {
  const first = address?.split(/[,\n]/)[0]?.trim();
  // "12 Elm Road" → "Elm Road": the street tells namesakes apart without giving the house away.
  return first ? first.replace(/^(flat\s+\S+\s+)?\d+[a-z]?\s+/i, "") : null;
}

function detailOf(row: typeof person.$inferSelect, on: string): PersonDetail {
  return {
    id: row.id,
    name: `${row.givenName} ${row.familyName}`,
    ageBand: ageBand(row.dateOfBirth, on),
    street: street(row.address),
    postcode: row.postcode,
    reference: personReference(row.id),
  };
}

/**
 * People whose name, family name or postcode starts with the search, or whose reference it is.
 * For registers: a short list, never the whole organisation. The search is audited (personal data).
 */
export async function searchPeople(
  db: Db,
  actor: Actor,
  now: Date,
  text: string | undefined,
  options: { limit?: number } = {},
): Promise<PersonDetail[]> {
  requireAllowed(canViewPeople(actor), "Only staff can search people.");
  const term = searchTerm(text);
  const lower = likePrefix(term.toLowerCase());
  const compact = term.replace(/\s/g, "").toUpperCase();
  const conditions: SQL[] = [
    sql`${fullName} LIKE ${lower}`,
    sql`${familyName} LIKE ${lower}`,
    sql`${postcodeKey} LIKE ${likePrefix(compact)}`,
  ];
  if (/^[0-9A-F]{6}$/.test(compact)) conditions.push(sql`${reference} = ${compact}`);
  const rows = await db
    .select()
    .from(person)
    .where(inOrganisation(person, actor.organisationId, or(...conditions)))
    .orderBy(asc(familyName), asc(sql`lower(${person.givenName})`), asc(person.id))
    .limit(Math.min(options.limit ?? 20, 100));
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person-list",
    summary: `Searched people for "${term}" (${rows.length} found)`,
  });
  const on = now.toISOString().slice(0, 10);
  return rows.map((row) => detailOf(row, on));
}

/** The distinguishing details of people already chosen (a register's namesakes), by id. */
export async function describePeople(
  db: Db,
  actor: Actor,
  now: Date,
  ids: string[],
): Promise<Map<string, PersonDetail>> {
  requireAllowed(canViewPeople(actor), "Only staff can see people.");
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select()
    .from(person)
    .where(inOrganisation(person, actor.organisationId, inArray(person.id, wanted)));
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person-list",
    summary: `Viewed details of ${rows.length} people to tell people of the same name apart`,
  });
  const on = now.toISOString().slice(0, 10);
  return new Map(rows.map((row) => [row.id, detailOf(row, on)]));
}
