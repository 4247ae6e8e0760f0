import { eq, gte, lte, type SQL, sum } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "hono";
import type { Actor } from "../access/actor.ts";
import { addDays, londonDay } from "../dates/london.ts";
import type { Db } from "../db/database.ts";
import { inOrganisation, type OrganisationOwned } from "../db/scope.ts";
import { html, type SafeHtml } from "../ui/index.ts";
import type { AppEnv } from "./app-env.ts";

// One view of a place across every module. Each module contributes its own section, built from its
// own queries with their policy checks, and returns nothing for people who may not see it; the
// places module draws the page. The sections are wired once at start (app.ts), like navigation,
// so places never imports the modules that depend on it.

/** A neighbourhood (2021 LSOA) or a local authority district. */
export type ProfilePlace = { level: "lsoa" | "lad"; code: string; name: string; laCode: string };

/**
 * One figure as the page shows it, so the CSV and XLSX exports carry exactly the page's figures.
 * A suppressed count is the text "fewer than 5", never the number.
 */
export type ProfileFigure = { section: string; figure: string; period: string; value: string | number };

/** A monthly series over `profileMonths`: counts of people or cases are suppressed, hours and money are not. */
export type ProfileTrend = {
  name: string;
  unit: "count" | "hours" | "pounds";
  suppressed: boolean;
  values: number[];
};

export type PlaceSectionContent = { html: SafeHtml; figures: ProfileFigure[]; trends: ProfileTrend[] };

export type PlaceProfileSection = (
  c: Context<AppEnv>,
  place: ProfilePlace,
) => Promise<PlaceSectionContent | undefined>;

/** A section shown only to people the module's policy lets see it; everyone else gets nothing. */
export function placeSection(
  allowed: (actor: Actor) => boolean,
  build: (actor: Actor, place: ProfilePlace, request: PlaceSectionRequest) => Promise<PlaceSectionContent>,
): PlaceProfileSection {
  return async (c, place) => {
    const actor = c.get("actor");
    if (!actor || !allowed(actor)) return undefined;
    const today = londonDay(c.get("now"));
    return build(actor, place, { db: c.get("services").database.db, today, months: profileMonths(today) });
  };
}

/** What every section reads first: the database, the London day, and the twelve months its trends cover. */
export type PlaceSectionRequest = { db: Db; today: string; months: ReturnType<typeof profileMonths> };

let sections: PlaceProfileSection[] = [];

export function setPlaceProfileSections(list: PlaceProfileSection[]): void {
  sections = list;
}

export async function placeProfileSections(
  c: Context<AppEnv>,
  place: ProfilePlace,
): Promise<PlaceSectionContent[]> {
  const built = await Promise.all(sections.map((section) => section(c, place)));
  return built.filter((section): section is PlaceSectionContent => section !== undefined);
}

/** Counts of 1 to 4 could point at a household, so profiles show them as "fewer than 5". */
export const suppressionThreshold = 5;

export function isSuppressed(count: number): boolean {
  return count > 0 && count < suppressionThreshold;
}

export function smallCount(count: number): string {
  return isSuppressed(count) ? `fewer than ${suppressionThreshold}` : count.toLocaleString("en-GB");
}

/** A count as the export writes it: a number a spreadsheet can add, or the suppression text. */
export function smallCountValue(count: number): string | number {
  return isSuppressed(count) ? smallCount(count) : count;
}

/**
 * The twelve calendar months ending with today's month (today is a Europe/London day, so a case
 * opened just after midnight on the 1st in British Summer Time falls in the new month).
 */
export function profileMonths(today: string): { from: string; to: string; months: string[] } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
  return { from: `${months[0]}-01`, to: today, months };
}

/** Amounts on days summed into the months of `profileMonths`; days outside them are ignored. */
export function monthlyTotals(months: string[], entries: { day: string; amount: number }[]): number[] {
  const totals = new Map(months.map((month) => [month, 0]));
  for (const entry of entries) {
    const month = entry.day.slice(0, 7);
    const total = totals.get(month);
    if (total !== undefined) totals.set(month, total + entry.amount);
  }
  return months.map((month) => totals.get(month) ?? 0);
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-04" as "Apr 2026". */
export function monthLabel(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The period a rolling twelve-month figure covers, as the page and the export write it. */
export function twelveMonthsTo(today: string): { from: string; to: string; label: string } {
  const from = addDays(today, -364);
  return { from, to: today, label: `${from} to ${today}` };
}

/** A profile section: a heading, the figures and a link to the register they come from. */
export function profileSection(
  heading: string,
  body: SafeHtml,
  register?: { href: string; text: string },
): SafeHtml {
  return html`<section class="govuk-!-margin-bottom-8"><h2 class="govuk-heading-m">${heading}</h2>${body}${register ? html`<p class="govuk-body"><a class="govuk-link" href="${register.href}">${register.text}</a></p>` : ""}</section>`;
}

/** What one module sums per day for a district's trend: which rows count and which columns to read. */
export type DistrictDays = {
  table: PgTable & OrganisationOwned;
  /** The date column the trend is drawn by. */
  day: AnyPgColumn;
  amount: AnyPgColumn;
  /** The column holding the district's code, on `table` or on the joined table. */
  district: AnyPgColumn;
  /** Only rows in this state count (paid, verified…). */
  status: [AnyPgColumn, string];
  /** Another table to join when the district is recorded there. */
  join?: { table: PgTable; on: SQL | undefined };
};

/**
 * The "by day in a district" query behind the place profile's monthly trends (the month buckets are
 * `monthlyTotals`): one organisation's amounts summed per day from `from` to `to`. The caller checks
 * its own policy first.
 */
export async function amountsByDayInDistrict(
  db: Db,
  organisationId: string,
  spec: DistrictDays,
  laCode: string,
  from: string,
  to: string,
): Promise<{ day: string; amount: number }[]> {
  const query = db
    .select({ day: spec.day, amount: sum(spec.amount) })
    .from(spec.table)
    .$dynamic();
  const rows = await (spec.join ? query.innerJoin(spec.join.table, spec.join.on) : query)
    .where(
      inOrganisation(
        spec.table,
        organisationId,
        eq(spec.district, laCode),
        eq(...spec.status),
        gte(spec.day, from),
        lte(spec.day, to),
      ),
    )
    .groupBy(spec.day);
  return rows.flatMap((row) => (row.day ? [{ day: String(row.day), amount: Number(row.amount ?? 0) }] : []));
}
