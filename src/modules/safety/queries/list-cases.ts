import { and, asc, count, desc, eq, ilike, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canWorkCases } from "../policy.ts";
import { safetyCase, safetyReport } from "../schema.ts";

export type CaseFilters = {
  state?: "open" | "closed" | "all";
  workflow?: string;
  category?: string;
  hate?: boolean;
  mine?: boolean;
  laCode?: string;
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
};

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
    filters.search?.trim()
      ? ilike(safetyCase.reference, `%${filters.search.trim().replace(/[%_]/g, "")}%`)
      : undefined,
    isNull(safetyCase.anonymisedAt),
  ];
  const where = inOrganisation(safetyCase, actor.organisationId, ...conditions);
  const sortColumn = {
    opened: safetyCase.openedOn,
    reference: safetyCase.reference,
    updated: safetyCase.updatedAt,
  }[filters.sort ?? "opened"];
  const order = (filters.dir === "asc" ? asc : desc)(sortColumn);
  const pageSize = Math.min(filters.pageSize ?? 50, 500);
  const page = Math.max(filters.page ?? 1, 1);
  const countLimit = filters.countLimit;
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
      })
      .from(safetyCase)
      .where(where)
      .orderBy(order, desc(safetyCase.id))
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize),
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
