import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { type EqualityAggregate, equalityAggregate, smallNumberThreshold } from "../../people/index.ts";
import { canViewReports } from "../policy.ts";
import { londonToday } from "../records.ts";
import { rowsOf } from "./rows.ts";

// Volunteers against residents on the equality answers people consented to give. The people
// module does the counting and suppresses small numbers; only linked volunteers (those with
// a person record) can be compared, and only their consented, answered fields count.

export type EqualityProfileRow = {
  field: string;
  answer: string;
  /** null: fewer than 5, not shown. */
  volunteers: number | null;
  volunteerShare: number | null;
  residents: number | null;
  residentShare: number | null;
};
/**
 * A row's cells in the order every view of the profile shows them: question, answer, volunteers and
 * their share, residents and their share. The view says how a count and a share are written.
 */
export function equalityCells<T>(
  row: EqualityProfileRow,
  count: (n: number | null) => T,
  share: (n: number | null) => T,
): [string, string, T, T, T, T] {
  return [
    row.field,
    row.answer,
    count(row.volunteers),
    share(row.volunteerShare),
    count(row.residents),
    share(row.residentShare),
  ];
}

export type EqualityProfile = {
  threshold: number;
  volunteersConsented: number | null;
  residentsConsented: number | null;
  rows: EqualityProfileRow[];
};

/** Volunteers with verified hours in the 12 months to today, as for the age profile. */
export async function volunteerEqualityProfile(db: Db, actor: Actor, now: Date): Promise<EqualityProfile> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering reports.");
  const linked = await rowsOf<{ person_id: string }>(
    db,
    sql`
    SELECT DISTINCT v.person_id::text AS person_id FROM volunteer v
     WHERE v.organisation_id = ${actor.organisationId} AND v.person_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM vol_hours h WHERE h.organisation_id = v.organisation_id AND h.volunteer_id = v.id
                     AND h.status = 'verified' AND h.worked_on > ${londonToday(now)}::date - 365)`,
  );
  const [volunteers, residents] = await Promise.all([
    equalityAggregate(db, actor, { kind: "people", personIds: linked.map((row) => row.person_id) }),
    equalityAggregate(db, actor, { kind: "residents" }),
  ]);
  return {
    threshold: smallNumberThreshold,
    volunteersConsented: volunteers.consented,
    residentsConsented: residents.consented,
    rows: mergeBands(volunteers, residents),
  };
}

/** One row per answer given by either group, with each group's share of those who answered. */
function mergeBands(volunteers: EqualityAggregate, residents: EqualityAggregate): EqualityProfileRow[] {
  const rows: EqualityProfileRow[] = [];
  for (const field of residents.fields) {
    const mine = volunteers.fields.find((f) => f.field === field.field);
    const answers = [...new Set([...field.bands, ...(mine?.bands ?? [])].map((band) => band.answer))].sort();
    const share = (count: number | null, answered: number | null) =>
      count === null || !answered ? null : count / answered;
    for (const answer of answers) {
      const v = mine?.bands.find((band) => band.answer === answer)?.count ?? null;
      const r = field.bands.find((band) => band.answer === answer)?.count ?? null;
      if (v === null && r === null) continue; // Both suppressed: nothing to show.
      rows.push({
        field: field.name,
        answer,
        volunteers: v,
        volunteerShare: share(v, mine?.answered ?? null),
        residents: r,
        residentShare: share(r, field.answered),
      });
    }
  }
  return rows;
}
