import { count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { isStaff, requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { person, personEquality } from "../schema.ts";

// Equality monitoring in aggregate, for comparing a group (volunteers, panel members) with
// the resident population. Only people with recorded consent have a person_equality row,
// and only answered fields count. Counts under 5 are suppressed so no one can be picked out.
// Nothing here returns a person.

export const equalityFields = {
  ethnicGroup: "Ethnic group",
  disability: "Disability",
  sex: "Sex",
  genderIdentitySameAsBirth: "Gender identity same as sex registered at birth",
  sexualOrientation: "Sexual orientation",
  religion: "Religion or belief",
} as const;
export type EqualityField = keyof typeof equalityFields;

/** Counts below this are shown as "fewer than 5" (null). */
export const smallNumberThreshold = 5;

export type EqualityBand = { answer: string; count: number | null };
export type EqualityAggregate = {
  /** People in the group with consented equality answers (null when fewer than 5). */
  consented: number | null;
  fields: { field: EqualityField; name: string; answered: number | null; bands: EqualityBand[] }[];
};

/** The group: the residents (tenants and residents), or the given people. */
export type EqualityCohort = { kind: "residents" } | { kind: "people"; personIds: string[] };

const suppress = (value: number) => (value < smallNumberThreshold ? null : value);

export async function equalityAggregate(
  db: Db,
  actor: Actor,
  cohort: EqualityCohort,
): Promise<EqualityAggregate> {
  requireAllowed(isStaff(actor), "Only staff can see equality profiles.");
  // One text parameter, not one parameter per person: the volunteer group can be large.
  const inGroup =
    cohort.kind === "residents"
      ? inArray(person.personType, ["tenant", "resident"])
      : sql`${person.id} = ANY(string_to_array(${cohort.personIds.join(",")}, ',')::uuid[])`;
  const joined = (column?: (typeof personEquality)[EqualityField]) =>
    inOrganisation(personEquality, actor.organisationId, inGroup, column ? isNotNull(column) : undefined);
  const from = () =>
    db
      .select({ total: count() })
      .from(personEquality)
      .innerJoin(person, sameOrganisation(person, personEquality, eq(person.id, personEquality.personId)));
  if (cohort.kind === "people" && cohort.personIds.length === 0)
    return { consented: null, fields: emptyFields() };
  const [total] = await from().where(joined());
  const fields = [];
  for (const field of Object.keys(equalityFields) as EqualityField[]) {
    const column = personEquality[field];
    const rows = await db
      .select({ answer: column, total: count() })
      .from(personEquality)
      .innerJoin(person, sameOrganisation(person, personEquality, eq(person.id, personEquality.personId)))
      .where(joined(column))
      .groupBy(column)
      .orderBy(column);
    const answered = rows.reduce((sum, row) => sum + Number(row.total), 0);
    fields.push({
      field,
      name: equalityFields[field],
      answered: suppress(answered),
      bands: rows.map((row) => ({ answer: String(row.answer), count: suppress(Number(row.total)) })),
    });
  }
  return { consented: suppress(Number(total?.total ?? 0)), fields };
}

function emptyFields(): EqualityAggregate["fields"] {
  return (Object.keys(equalityFields) as EqualityField[]).map((field) => ({
    field,
    name: equalityFields[field],
    answered: null,
    bands: [],
  }));
}
