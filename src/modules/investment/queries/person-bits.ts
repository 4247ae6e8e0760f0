import { type SQL, sql } from "drizzle-orm";
import type { FigureFilter } from "./figures.ts";

/**
 * What a person did in a period, as bits of a few bigints: item i is bit (i % 62) of word
 * floor(i / 62). Items 0–3 are the roles (resident, resident in depth, volunteer, service user giving
 * input), then each theme a person came to as a resident, the same in depth, then each month they came
 * as a resident. Grouping by person is then one bit_or a word, whatever the period's length or the
 * number of themes; the figures are counts of people with a bit set.
 */
export const bitsPerWord = 62;
export type Bit = { word: number; mask: string };
function bitOf(index: number): Bit {
  return { word: Math.floor(index / bitsPerWord), mask: (1n << BigInt(index % bitsPerWord)).toString() };
}
export type PersonBits = ReturnType<typeof personBits>;
export function personBits(themes: number, months: number) {
  const firstMonth = 4 + 2 * themes;
  return {
    resident: bitOf(0),
    residentInDepth: bitOf(1),
    volunteer: bitOf(2),
    serviceUser: bitOf(3),
    theme: (index: number) => bitOf(4 + index),
    themeInDepth: (index: number) => bitOf(4 + themes + index),
    firstMonth,
    month: (index: number) => bitOf(firstMonth + index),
    words: Math.ceil((firstMonth + months) / bitsPerWord),
  };
}

/** Every calendar month from `from` to `to`, as "YYYY-MM". */
export function monthsOf(filter: FigureFilter): string[] {
  const months: string[] = [];
  let year = Number(filter.from.slice(0, 4));
  let month = Number(filter.from.slice(5, 7));
  const last = filter.to.slice(0, 7);
  for (;;) {
    const label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (label > last) return months;
    months.push(label);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

/** `, <bits(0)> AS name0, <bits(1)> AS name1, …` for each word. */
export function perWord(name: string, words: number, bits: (word: number) => SQL): SQL {
  return sql.join(
    Array.from({ length: words }, (_, word) => sql`, ${bits(word)} AS ${sql.raw(`${name}${word}`)}`),
    sql``,
  );
}
export const hasBit = (bit: Bit) => sql`pp.${sql.raw(`w${bit.word}`)} & ${sql.raw(bit.mask)} <> 0`;
export const maskIn = (word: number, bit: Bit) => (bit.word === word ? bit.mask : "0");

/** `, count(*) FILTER (WHERE <person has bit i>) AS column(i)` for each item. */
export function counts(items: number, bit: (index: number) => Bit, column: (index: number) => string): SQL {
  return sql.join(
    Array.from(
      { length: items },
      (_, index) => sql`, count(*) FILTER (WHERE ${hasBit(bit(index))}) AS ${sql.raw(column(index))}`,
    ),
    sql``,
  );
}

/**
 * The CTEs theme_bits (each theme's bit, light and in depth) and project_bits (per project, the theme
 * bits a resident earns by coming: l<word> light, d<word> in depth), for the organisation's themes in
 * code order.
 */
export function themeBitsCtes(org: string, themeList: { id: string }[], bits: PersonBits): SQL {
  const themeMasks = themeList.length
    ? sql`VALUES ${sql.join(
        themeList.flatMap((theme, index) =>
          [bits.theme(index), bits.themeInDepth(index)].map(
            (bit, inDepth) =>
              sql`(${theme.id}::uuid, ${bit.word}::int, ${bit.mask}::bigint, ${inDepth === 1}::boolean)`,
          ),
        ),
        sql`, `,
      )}`
    : sql`SELECT NULL::uuid, 0, 0::bigint, false WHERE false`;
  return sql`theme_bits (theme_id, word, mask, in_depth) AS (${themeMasks}),
    project_bits AS (
      SELECT pt.project_id
        ${perWord("l", bits.words, (word) => sql`bit_or(tb.mask) FILTER (WHERE tb.word = ${word} AND NOT tb.in_depth)`)}
        ${perWord("d", bits.words, (word) => sql`bit_or(tb.mask) FILTER (WHERE tb.word = ${word} AND tb.in_depth)`)}
      FROM project_theme pt JOIN theme_bits tb ON tb.theme_id = pt.theme_id
      WHERE pt.organisation_id = ${org} GROUP BY pt.project_id)`;
}

/** The reach counts over per_person pp, as the live and summary paths both return them. */
export function reachCounts(bits: PersonBits, themes: number, tenant: SQL): SQL {
  return sql`count(*) FILTER (WHERE ${hasBit(bits.resident)} AND ${tenant}) AS tenants,
    count(*) FILTER (WHERE ${hasBit(bits.residentInDepth)} AND ${tenant}) AS tenants_in_depth
    , count(*) FILTER (WHERE ${hasBit(bits.resident)}) AS residents
    , count(*) FILTER (WHERE ${hasBit(bits.residentInDepth)}) AS residents_in_depth
    , count(*) FILTER (WHERE ${hasBit(bits.volunteer)}) AS volunteers
    , count(*) FILTER (WHERE ${hasBit(bits.serviceUser)}) AS service_users
    ${counts(themes, bits.theme, (index) => `theme_${index}`)}
    ${counts(themes, bits.themeInDepth, (index) => `theme_in_depth_${index}`)}`;
}
