import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { monthNumber, monthsPerBlock } from "../commands/attendance-summary.ts";
import { queryRowsWithoutJit } from "../rows.ts";
import { type FigureFilter, sessionScope } from "./figures.ts";
import { type Bit, maskIn, personBits, perWord, reachCounts, themeBitsCtes } from "./person-bits.ts";

// Reach from the attendance summary (migration 0910, commands/attendance-summary.ts): a period's whole
// months read one row a person and block of 60 months, already grouped, instead of every visit joined
// to its session; the days before the first whole month and after the last come from the visits, and
// the two are combined by person. The summary holds no place, area or project, so a period filtered
// by local authority, theme or project takes every figure from the visits (the statement in
// delivery-figures.ts), as does a period with no whole month.

/** True when no filter narrows the sessions: the summary can serve the period's reach. */
export function unfiltered(filter: FigureFilter): boolean {
  return !filter.laCode && !filter.themeCode && !filter.projectId;
}

const dayOfMonth = (month: number, day: number) =>
  new Date(Date.UTC(Math.floor(month / 12), month % 12, day)).toISOString().slice(0, 10);

/**
 * The reach row for an unfiltered period with at least one whole month, with the same columns as the
 * statement over the visits (sessions, the reach counts, month_<i>, theme_<i>, theme_in_depth_<i>), or
 * null when the summary cannot serve it.
 */
export function summaryReach(
  db: Db,
  org: string,
  filter: FigureFilter,
  themeList: { id: string }[],
  months: string[],
): Promise<Record<string, unknown>[]> | null {
  if (!unfiltered(filter)) return null;
  const first = filter.from.endsWith("-01") ? monthNumber(filter.from) : monthNumber(filter.from) + 1;
  const lastWhole =
    dayOfMonth(monthNumber(filter.to) + 1, 0) === filter.to
      ? monthNumber(filter.to)
      : monthNumber(filter.to) - 1;
  if (first > lastWhole) return null;
  // The visits outside the whole months: from `from` to the day before the first, and after the last to `to`.
  const headEnd = dayOfMonth(first, 0);
  const tailStart = dayOfMonth(lastWhole + 1, 1);
  const bits = personBits(themeList.length, 0);
  const blocks: SQL[] = [];
  for (
    let block = Math.floor(first / monthsPerBlock);
    block <= Math.floor(lastWhole / monthsPerBlock);
    block++
  ) {
    const low = Math.max(first, block * monthsPerBlock) - block * monthsPerBlock;
    const high = Math.min(lastWhole, block * monthsPerBlock + monthsPerBlock - 1) - block * monthsPerBlock;
    const mask = (1n << BigInt(high + 1)) - (1n << BigInt(low));
    blocks.push(sql`(${block}::int, ${mask.toString()}::bigint)`);
  }
  // A summary row's bits: its roles in the period's months, and each theme whose months meet them
  // (found by position in the row's sorted arrays: no unnest, no subquery a row).
  const themeBit = (themeId: string, months: SQL, bit: Bit, word: number) =>
    bit.word === word
      ? sql` | CASE WHEN ${months}[array_position(x.theme_ids, ${themeId}::uuid)] & m.mask <> 0 THEN ${sql.raw(bit.mask)} ELSE 0 END`
      : sql``;
  const rowWord = (word: number) =>
    sql`${
      word === 0
        ? sql`CASE WHEN x.resident & m.mask <> 0 THEN ${sql.raw(bits.resident.mask)} ELSE 0 END
        | CASE WHEN x.in_depth & m.mask <> 0 THEN ${sql.raw(bits.residentInDepth.mask)} ELSE 0 END
        | CASE WHEN x.volunteer & m.mask <> 0 THEN ${sql.raw(bits.volunteer.mask)} ELSE 0 END
        | CASE WHEN x.service_user & m.mask <> 0 THEN ${sql.raw(bits.serviceUser.mask)} ELSE 0 END`
        : sql`0::bigint`
    }${sql.join(
      themeList.flatMap((theme, index) => [
        themeBit(theme.id, sql`x.theme_resident`, bits.theme(index), word),
        themeBit(theme.id, sql`x.theme_in_depth`, bits.themeInDepth(index), word),
      ]),
      sql``,
    )}`;
  // A visit's bits, as in the statement over the visits.
  const visitWord = (word: number) =>
    sql`CASE e.role WHEN 'participant' THEN ${sql.raw(maskIn(word, bits.resident))}::bigint | coalesce(pb.${sql.raw(`l${word}`)}, 0)
        | CASE WHEN e.depth = 'in-depth' THEN ${sql.raw(maskIn(word, bits.residentInDepth))} | coalesce(pb.${sql.raw(`d${word}`)}, 0) ELSE 0 END
      WHEN 'volunteer' THEN ${sql.raw(maskIn(word, bits.volunteer))} ELSE ${sql.raw(maskIn(word, bits.serviceUser))} END`;
  const words = Array.from({ length: bits.words }, (_, word) => `w${word}`);
  // People per month, one pass each: a whole month counts its summary rows with the month's bit, an
  // edge month the people among its visits.
  const wholeMonths: SQL[] = [];
  const edgeMonths: SQL[] = [];
  for (const [index, label] of months.entries()) {
    const month = monthNumber(`${label}-01`);
    const column = sql.raw(`month_${index}`);
    if (month >= first && month <= lastWhole)
      wholeMonths.push(
        sql`count(*) FILTER (WHERE x.block = ${Math.floor(month / monthsPerBlock)} AND x.resident & ${(1n << BigInt(month % monthsPerBlock)).toString()}::bigint <> 0) AS ${column}`,
      );
    else
      edgeMonths.push(
        sql`count(DISTINCT participant_id) FILTER (WHERE role = 'participant' AND to_char(held_on, 'YYYY-MM') = ${label}) AS ${column}`,
      );
  }
  const edgeRanges = (column: string) =>
    sql`(${sql.raw(column)} BETWEEN ${filter.from} AND ${headEnd} OR ${sql.raw(column)} BETWEEN ${tailStart} AND ${filter.to})`;
  // (Only attendance's own date: the same ranges on the session as well made the planner expect a
  // hundredth of the rows and look each visit's session and person up one by one, 2.7 s against 0.7 s.)
  return queryRowsWithoutJit<Record<string, unknown>>(
    db,
    sql`WITH ${themeBitsCtes(org, themeList, bits)},
        period_rows AS MATERIALIZED (
          SELECT x.participant_id, p.tenant ${perWord("w", bits.words, rowWord)}
          FROM attendance_summary x JOIN (VALUES ${sql.join(blocks, sql`, `)}) m (block, mask) ON m.block = x.block
          JOIN participant p ON p.organisation_id = x.organisation_id AND p.id = x.participant_id
          WHERE x.organisation_id = ${org} AND x.block BETWEEN ${Math.floor(first / monthsPerBlock)} AND ${Math.floor(lastWhole / monthsPerBlock)}
            AND (x.resident | x.volunteer | x.service_user) & m.mask <> 0),
        whole_months AS (
          SELECT ${sql.join(wholeMonths, sql`, `)}
          FROM attendance_summary x
          WHERE x.organisation_id = ${org} AND x.block BETWEEN ${Math.floor(first / monthsPerBlock)} AND ${Math.floor(lastWhole / monthsPerBlock)}),
        edge AS MATERIALIZED (
          SELECT a.participant_id, a.role, a.held_on, s.depth, s.project_id, p.tenant
          FROM attendance a JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
          JOIN participant p ON p.organisation_id = a.organisation_id AND p.id = a.participant_id
          WHERE a.organisation_id = ${org} AND ${edgeRanges("a.held_on")}),
        per_person AS (
          SELECT participant_id, bool_or(tenant) AS tenant, ${sql.raw(words.map((w) => `bit_or(${w}) AS ${w}`).join(", "))}
          FROM (
            SELECT participant_id, tenant, ${sql.raw(words.join(", "))} FROM period_rows
            UNION ALL
            SELECT e.participant_id, e.tenant ${perWord("w", bits.words, visitWord)}
            FROM edge e LEFT JOIN project_bits pb ON pb.project_id = e.project_id) person_bits
          GROUP BY participant_id),
        reach AS (
          SELECT (SELECT count(*) FROM activity_session s WHERE ${sessionScope(org, filter)}) AS sessions,
                 ${reachCounts(bits, themeList.length, sql`pp.tenant`)}
          FROM per_person pp)
        SELECT * FROM reach CROSS JOIN whole_months
          ${edgeMonths.length ? sql`CROSS JOIN (SELECT ${sql.join(edgeMonths, sql`, `)} FROM edge) edge_months` : sql``}`,
  );
}
