import { asc, desc, eq, gte, isNull, or } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { findCategory, statusName } from "../domain/categories.ts";
import { redactionTerms } from "../domain/redaction.ts";
import { londonDay } from "../domain/settings.ts";
import { partsOf, type SharedPart } from "../domain/sharing.ts";
import { type Viewer, viewRow } from "../domain/tag-redaction.ts";
import { canSeeShare, canViewSharedCases } from "../policy.ts";
import {
  safetyCase,
  safetyParty,
  safetyRiskAssessment,
  safetySharing,
  safetyTimelineEntry,
} from "../schema.ts";
import { type CaseHeading, caseHeading, shownActions } from "./case-shown-outside.ts";
import { denyCaseRead } from "./denied-case-read.ts";

// A partner agency's view of the cases shared with it. Only current shares naming the user's own
// partner organisation count; each part of the case is read only when a share includes it, and
// every personal-data column goes through the tag-driven redaction.

export type SharedCaseSummary = {
  id: string;
  reference: string;
  category: string;
  status: string;
  sharedAt: Date;
  lawfulBasis: string;
};

export type SharedCaseView = CaseHeading & {
  parts: SharedPart[];
  shares: {
    agencyName: string;
    lawfulBasis: string;
    purpose: string;
    sharedAt: Date;
    expiresOn: string | null;
  }[];
  summary?: string | null;
  nextStep?: string | null;
  hateStrand?: string | null;
  safeguardingFlags?: string[];
  parties?: {
    role: string;
    name?: string;
    address?: string | null;
    contact?: string | null;
    dateOfBirth?: string | null;
    vulnerable?: boolean;
    vulnerabilityNote?: string | null;
  }[];
  risk?: { assessedAt: Date; band: string; score: number }[];
  actions?: { type: string; startedOn: string; dueOn: string | null; status: string }[];
  timeline?: { at: Date; kind: string; title: string; body: string | null }[];
};

function partnerOf(actor: Actor): string {
  return actor.kind === "user" && actor.partnerOrganisationId ? actor.partnerOrganisationId : "";
}

/** Current shares with the actor's partner organisation (of one case, or of all cases). */
async function currentShares(db: Db, actor: Actor, now: Date, caseId?: string) {
  return db
    .select({
      share: safetySharing,
      reference: safetyCase.reference,
      category: safetyCase.category,
      workflow: safetyCase.workflow,
      status: safetyCase.status,
    })
    .from(safetySharing)
    .innerJoin(
      safetyCase,
      sameOrganisation(safetyCase, safetySharing, eq(safetyCase.id, safetySharing.caseId)),
    )
    .where(
      inOrganisation(
        safetySharing,
        actor.organisationId,
        eq(safetySharing.partnerOrganisationId, partnerOf(actor)),
        isNull(safetySharing.endedAt),
        or(isNull(safetySharing.expiresOn), gte(safetySharing.expiresOn, londonDay(now))),
        isNull(safetyCase.anonymisedAt),
        caseId ? eq(safetySharing.caseId, caseId) : undefined,
      ),
    )
    .orderBy(desc(safetySharing.sharedAt));
}

export async function listSharedCases(db: Db, actor: Actor, now: Date): Promise<SharedCaseSummary[]> {
  requireAllowed(canViewSharedCases(actor), "Only partner agency users can see shared cases.");
  const rows = (await currentShares(db, actor, now)).filter((r) =>
    canSeeShare(actor, r.share, londonDay(now)),
  );
  const seen = new Set<string>();
  const result: SharedCaseSummary[] = [];
  for (const row of rows) {
    if (seen.has(row.share.caseId)) continue;
    seen.add(row.share.caseId);
    result.push({
      id: row.share.caseId,
      reference: row.reference,
      category: findCategory(row.category)?.name ?? row.category,
      status: statusName(row.workflow, row.status),
      sharedAt: row.share.sharedAt,
      lawfulBasis: row.share.lawfulBasis,
    });
  }
  return result;
}

/**
 * The current shares of one case with the actor's agency, or a 404 with a denied audit entry:
 * someone asking for cases not shared with them should leave a trace.
 */
export async function requireSharedCase(db: Db, actor: Actor, now: Date, caseId: string) {
  requireAllowed(canViewSharedCases(actor), "Only partner agency users can see shared cases.");
  const shares = isUuid(caseId)
    ? (await currentShares(db, actor, now, caseId)).filter((r) => canSeeShare(actor, r.share, londonDay(now)))
    : [];
  if (shares.length === 0) await deny(db, actor, now, caseId);
  return shares;
}

function deny(db: Db, actor: Actor, now: Date, caseId: string): Promise<never> {
  return denyCaseRead(
    db,
    actor,
    now,
    caseId,
    "Partner agency user asked for a case not shared with their organisation",
  );
}

/** One shared case, showing only the shared parts; anything else is a 404 and a denied-read audit entry. */
export async function getSharedCase(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
): Promise<SharedCaseView> {
  const shares = await requireSharedCase(db, actor, now, caseId);
  const [record] = shares.length
    ? await db
        .select()
        .from(safetyCase)
        .where(inOrganisation(safetyCase, actor.organisationId, eq(safetyCase.id, caseId)))
    : [];
  if (!record) return deny(db, actor, now, caseId);
  const parts = partsOf(shares.map((s) => s.share));
  const has = (part: SharedPart) => parts.includes(part);
  const org = actor.organisationId;
  const parties = await db
    .select()
    .from(safetyParty)
    .where(inOrganisation(safetyParty, org, eq(safetyParty.caseId, caseId)));
  // Free text is redacted of whatever about the parties is not shared.
  const terms = redactionTerms(
    parties.map((p) => ({
      displayName: has("parties-names") ? "" : p.displayName,
      externalRef: has("parties-names") ? null : p.externalRef,
      address: has("parties-contact") ? null : p.address,
      contact: has("parties-contact") ? null : p.contact,
    })),
  );
  const viewer: Viewer = { kind: "partner", parts, terms };
  const caseSeen = viewRow("safety_case", record, viewer);
  const view: SharedCaseView = {
    ...caseHeading(record),
    parts,
    shares: shares.map(({ share }) => ({
      agencyName: share.agencyName,
      lawfulBasis: share.lawfulBasis,
      purpose: share.purpose,
      sharedAt: share.sharedAt,
      expiresOn: share.expiresOn,
    })),
  };
  if (has("summary")) {
    view.summary = caseSeen.summary ?? null;
    view.nextStep = caseSeen.nextStep ?? null;
    view.hateStrand = caseSeen.hateStrand ?? null;
  }
  if (has("risk")) view.safeguardingFlags = caseSeen.safeguardingFlags ?? [];
  if (has("parties-names") || has("parties-contact") || has("risk")) {
    view.parties = parties.map((p) => {
      const seen = viewRow("safety_party", p, viewer);
      return {
        role: p.role,
        ...("displayName" in seen ? { name: seen.displayName } : {}),
        ...("address" in seen ? { address: seen.address } : {}),
        ...("contact" in seen ? { contact: seen.contact } : {}),
        ...("dateOfBirth" in seen ? { dateOfBirth: seen.dateOfBirth } : {}),
        ...(has("risk")
          ? { vulnerable: p.vulnerable, vulnerabilityNote: seen.vulnerabilityNote ?? null }
          : {}),
      };
    });
  }
  if (has("risk")) {
    const assessments = await db
      .select({
        assessedAt: safetyRiskAssessment.assessedAt,
        band: safetyRiskAssessment.band,
        score: safetyRiskAssessment.score,
      })
      .from(safetyRiskAssessment)
      .where(inOrganisation(safetyRiskAssessment, org, eq(safetyRiskAssessment.caseId, caseId)))
      .orderBy(asc(safetyRiskAssessment.assessedAt));
    view.risk = assessments;
  }
  if (has("actions")) {
    view.actions = await shownActions(db, org, caseId);
  }
  if (has("timeline")) {
    const entries = await db
      .select({
        at: safetyTimelineEntry.at,
        kind: safetyTimelineEntry.kind,
        title: safetyTimelineEntry.title,
        body: safetyTimelineEntry.body,
      })
      .from(safetyTimelineEntry)
      .where(inOrganisation(safetyTimelineEntry, org, eq(safetyTimelineEntry.caseId, caseId)))
      .orderBy(asc(safetyTimelineEntry.at));
    view.timeline = entries.map((e) => {
      const seen = viewRow("safety_timeline_entry", e, viewer);
      return { at: e.at, kind: e.kind, title: seen.title ?? "", body: seen.body ?? null };
    });
  }
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "safety_case",
    entityId: record.id,
    summary: `Partner agency user viewed shared case ${record.reference} (${parts.join(", ") || "heading only"})`,
  });
  return view;
}
