import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";

// The attendance summary (migration 0910): a person's months in each block of 60 calendar months,
// as bits, so the delivery figures for whole months group one row a person instead of every visit.
// It is kept exact by the commands that write attendance, in their own transaction, by recomputing
// the rows they touched from attendance (the view attendance_summary_source is the one definition),
// never by arithmetic on the old row and never on a schedule. test/attendance-summary-writers.test.ts
// fails when a source file writes attendance without calling one of the two functions here.

export const monthsPerBlock = 60;

/** The month's number (year * 12 + month - 1) of an ISO day. */
export function monthNumber(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

export function blockOf(day: string): number {
  return Math.floor(monthNumber(day) / monthsPerBlock);
}

const columns = sql.raw(
  "organisation_id, block, participant_id, resident, in_depth, volunteer, service_user, theme_ids, theme_resident, theme_in_depth",
);

/** One parameter holding a PostgreSQL array literal (the values are uuids or integers, never quoted text). */
function arrayOf(values: (string | number)[], type: "uuid" | "int"): SQL {
  return sql`${`{${values.join(",")}}`}::${sql.raw(type)}[]`;
}

/**
 * Recomputes the summary rows of these people in the blocks of these days, after the caller wrote
 * their attendance in the same transaction. The rows are first locked (inserted or emptied) in key
 * order, so a register saved at the same moment for the same person waits for this one to commit and
 * then recomputes with its rows in view: the second statement reads attendance afresh. Rows left with
 * no visit are deleted.
 */
export async function refreshAttendanceSummary(
  tx: Db,
  organisationId: string,
  participantIds: string[],
  days: string[],
): Promise<void> {
  const people = [...new Set(participantIds)].sort();
  const blocks = [...new Set(days.map(blockOf))].sort((a, b) => a - b);
  if (people.length === 0 || blocks.length === 0) return;
  const keys = (alias: string) =>
    sql`${sql.raw(alias)}organisation_id = ${organisationId} AND ${sql.raw(alias)}block = ANY(${arrayOf(blocks, "int")})
      AND ${sql.raw(alias)}participant_id = ANY(${arrayOf(people, "uuid")})`;
  await tx.execute(
    sql`INSERT INTO attendance_summary (${columns})
        SELECT ${organisationId}::uuid, b, p, 0, 0, 0, 0, '{}', '{}', '{}'
        FROM unnest(${arrayOf(blocks, "int")}) b CROSS JOIN unnest(${arrayOf(people, "uuid")}) p ORDER BY b, p
        ON CONFLICT (organisation_id, block, participant_id) DO UPDATE SET resident = 0, in_depth = 0, volunteer = 0,
          service_user = 0, theme_ids = '{}', theme_resident = '{}', theme_in_depth = '{}'`,
  );
  await tx.execute(
    sql`UPDATE attendance_summary x SET resident = s.resident, in_depth = s.in_depth, volunteer = s.volunteer,
          service_user = s.service_user, theme_ids = s.theme_ids, theme_resident = s.theme_resident,
          theme_in_depth = s.theme_in_depth
        FROM attendance_summary_source s
        WHERE ${keys("s.")} AND x.organisation_id = s.organisation_id AND x.block = s.block AND x.participant_id = s.participant_id`,
  );
  await tx.execute(
    sql`DELETE FROM attendance_summary WHERE ${keys("")} AND resident = 0 AND volunteer = 0 AND service_user = 0`,
  );
}

/** Recomputes an organisation's whole summary: for bulk loads (the demo seed, the benchmark's build). */
export async function rebuildAttendanceSummary(db: Db, organisationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM attendance_summary WHERE organisation_id = ${organisationId}`);
    await tx.execute(
      sql`INSERT INTO attendance_summary (${columns})
          SELECT ${columns} FROM attendance_summary_source WHERE organisation_id = ${organisationId}`,
    );
  });
}
