import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { activeUsersWithRoles } from "../../../platform/auth/users.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { containsPattern } from "../../../platform/db/like-pattern.ts";
import { appUser } from "../../../platform/db/platform-schema.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";

import { addDays } from "../domain/settings.ts";
import { canWorkCases } from "../policy.ts";
import { safetyCase, safetyReport } from "../schema.ts";

export type CaseFilters = {
  state?: "open" | "closed" | "all";
  workflow?: string;
  category?: string;
  hate?: boolean;
  mine?: boolean;
  laCode?: string;
  /** The latest risk assessment's band, or "none" for cases never assessed. */
  risk?: "high" | "medium" | "standard" | "none";
  leadOfficerId?: string;
  /** The next open action's due date against `today`: overdue, due within 7 days, or no open action. */
  due?: "overdue" | "week" | "none";
  today?: string;
  /** Where: cases at these homes, or whose block or place description contains `placeText`. */
  place?: { homeIds: string[]; text: string };
  search?: string;
  sort?: "opened" | "reference" | "updated";
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
  /**
   * Count at most this many matching cases. Counting every match costs a scan of all of them
   * (125,000 open noise cases at full scale) on each view; past the cap the total says only
   * "more than". Without it the count is exact (the API's `total`).
   */
  countLimit?: number;
};

export type CaseListRow = {
  id: string;
  reference: string;
  workflow: string;
  category: string;
  status: string;
  hateStrand: string | null;
  openedOn: string;
  closedOn: string | null;
  laCode: string | null;
  updatedAt: Date;
  homeId: string | null;
  blockName: string | null;
  locationDescription: string | null;
  leadOfficerName: string | null;
  riskBand: string | null;
  nextActionDue: string | null;
};

// The case's latest band and its next open action's due date: as filters, read for each candidate
// case; as columns, only for the page's own rows (see listCases).
const latestBand = sql<string | null>`(SELECT ra.band FROM safety_risk_assessment ra
  WHERE ra.organisation_id = ${safetyCase.organisationId} AND ra.case_id = ${safetyCase.id}
  ORDER BY ra.assessed_at DESC LIMIT 1)`;
const nextDueDate = sql`(SELECT min(a.due_on) FROM safety_action a
  WHERE a.organisation_id = ${safetyCase.organisationId} AND a.case_id = ${safetyCase.id} AND a.status = 'open')`;

function placeCondition(place: CaseFilters["place"]): SQL | undefined {
  if (!place) return undefined;
  const pattern = containsPattern(place.text.trim());
  return or(
    place.homeIds.length ? inArray(safetyCase.homeId, place.homeIds) : undefined,
    ilike(safetyCase.blockName, pattern),
    ilike(safetyCase.locationDescription, pattern),
  );
}

function dueCondition(due: CaseFilters["due"], today: string | undefined): SQL | undefined {
  if (!due) return undefined;
  if (due === "none") return sql`${nextDueDate} IS NULL`;
  const until = today ?? "9999-12-31";
  return due === "overdue"
    ? sql`${nextDueDate} < ${until}::date`
    : sql`${nextDueDate} <= ${addDays(until, 7)}::date`;
}

/** Lists count matches up to this many; past it they say "more than 1,000" (the page and the API). */
export const caseCountLimit = 1000;

export type CaseListPage = {
  rows: CaseListRow[];
  /** Matching cases: exact, or the count limit when `totalIsLowerBound` (then more than this match). */
  total: number;
  totalIsLowerBound: boolean;
  /** Whether another page follows this one (known without the total, from one extra row). */
  hasNextPage: boolean;
};

export async function listCases(db: Db, actor: Actor, filters: CaseFilters = {}): Promise<CaseListPage> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  const state = filters.state ?? "open";
  const conditions: (SQL | undefined)[] = [
    state === "open"
      ? isNull(safetyCase.closedOn)
      : state === "closed"
        ? isNotNull(safetyCase.closedOn)
        : undefined,
    filters.workflow ? eq(safetyCase.workflow, filters.workflow) : undefined,
    filters.category ? eq(safetyCase.category, filters.category) : undefined,
    filters.hate ? isNotNull(safetyCase.hateStrand) : undefined,
    filters.mine && actor.kind === "user" ? eq(safetyCase.leadOfficerId, actor.userId) : undefined,
    filters.laCode ? eq(safetyCase.laCode, filters.laCode) : undefined,
    filters.risk === "none"
      ? sql`${latestBand} IS NULL`
      : filters.risk
        ? sql`${latestBand} = ${filters.risk}`
        : undefined,
    filters.leadOfficerId && isUuid(filters.leadOfficerId)
      ? eq(safetyCase.leadOfficerId, filters.leadOfficerId)
      : undefined,
    dueCondition(filters.due, filters.today),
    placeCondition(filters.place),
    filters.search?.trim() ? ilike(safetyCase.reference, containsPattern(filters.search.trim())) : undefined,
    isNull(safetyCase.anonymisedAt),
  ];
  const where = inOrganisation(safetyCase, actor.organisationId, ...conditions);
  const sortColumn = {
    opened: safetyCase.openedOn,
    reference: safetyCase.reference,
    updated: safetyCase.updatedAt,
  }[filters.sort ?? "opened"];
  const direction = filters.dir === "asc" ? asc : desc;
  const pageSize = Math.min(filters.pageSize ?? 50, 500);
  const page = Math.max(filters.page ?? 1, 1);
  const countLimit = filters.countLimit;
  // The page's cases first, as keys only: for the open-case filters the index answers that alone
  // (index-only scan of (organisation_id, category, opened_on DESC, id DESC), migration 0905), so
  // the rows OFFSET skips cost no table read, and the band, next due date and lead officer are read
  // for the page's rows only (at page 20 that was 1,000 table rows and band and action lookups to
  // show 50).
  const pageKeys = db
    .select({ organisationId: safetyCase.organisationId, id: safetyCase.id })
    .from(safetyCase)
    .where(where)
    .orderBy(direction(sortColumn), desc(safetyCase.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .as("page_case");
  const [rows, total] = await Promise.all([
    db
      .select({
        id: safetyCase.id,
        reference: safetyCase.reference,
        workflow: safetyCase.workflow,
        category: safetyCase.category,
        status: safetyCase.status,
        hateStrand: safetyCase.hateStrand,
        openedOn: safetyCase.openedOn,
        closedOn: safetyCase.closedOn,
        laCode: safetyCase.laCode,
        updatedAt: safetyCase.updatedAt,
        homeId: safetyCase.homeId,
        blockName: safetyCase.blockName,
        locationDescription: safetyCase.locationDescription,
        leadOfficerName: appUser.name,
        riskBand: latestBand,
        nextActionDue: sql<string | null>`to_char(${nextDueDate}, 'YYYY-MM-DD')`,
      })
      .from(pageKeys)
      .innerJoin(
        safetyCase,
        and(eq(safetyCase.organisationId, pageKeys.organisationId), eq(safetyCase.id, pageKeys.id)),
      )
      .leftJoin(
        appUser,
        and(eq(appUser.organisationId, safetyCase.organisationId), eq(appUser.id, safetyCase.leadOfficerId)),
      )
      .orderBy(direction(sortColumn), desc(safetyCase.id)),
    countMatches(db, where, countLimit),
  ]);
  const capped = countLimit !== undefined && total > countLimit;
  return {
    rows: rows.slice(0, pageSize),
    total: capped ? countLimit : total,
    totalIsLowerBound: capped,
    hasNextPage: rows.length > pageSize,
  };
}

/** Counts matches, stopping at limit + 1 when given (so "more than limit" is known without counting all). */
async function countMatches(db: Db, where: SQL | undefined, limit: number | undefined): Promise<number> {
  if (limit === undefined) {
    const [row] = await db.select({ total: count() }).from(safetyCase).where(where);
    return row?.total ?? 0;
  }
  const matched = db
    .select({ one: sql`1`.as("one") })
    .from(safetyCase)
    .where(where)
    .limit(Math.max(0, Math.floor(limit)) + 1)
    .as("matched");
  const [row] = await db.select({ total: count() }).from(matched);
  return row?.total ?? 0;
}

export async function listPendingReports(db: Db, actor: Actor) {
  requireAllowed(canWorkCases(actor), "Only community safety officers can triage reports.");
  return db
    .select()
    .from(safetyReport)
    .where(inOrganisation(safetyReport, actor.organisationId, eq(safetyReport.status, "pending")))
    .orderBy(asc(safetyReport.createdAt))
    .limit(200);
}

export async function getPendingReport(db: Db, actor: Actor, reportId: string) {
  requireAllowed(canWorkCases(actor), "Only community safety officers can triage reports.");
  if (!isUuid(reportId)) return undefined;
  const [report] = await db
    .select()
    .from(safetyReport)
    .where(
      inOrganisation(
        safetyReport,
        actor.organisationId,
        eq(safetyReport.id, reportId),
        and(eq(safetyReport.status, "pending")),
      ),
    );
  return report;
}

/** Who can lead a case (officers and above), by name, for the case list's officer filter. */
export async function caseOfficers(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  return activeUsersWithRoles(db, actor.organisationId, ["officer", "manager", "organisation-admin"]);
}
