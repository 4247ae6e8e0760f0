import { and, asc, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { findUser } from "../../../platform/auth/users.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { findCategory } from "../domain/categories.ts";
import { type CurrentNextStep, currentNextStep } from "../domain/portal-next-step.ts";
import { redact, redactionTerms } from "../domain/redaction.ts";
import { type Viewer, viewRow } from "../domain/tag-redaction.ts";
import { canUsePortal } from "../policy.ts";
import {
  safetyAction,
  safetyCase,
  safetyDocument,
  safetyParty,
  safetyReport,
  safetyTimelineEntry,
} from "../schema.ts";
import { type CaseHeading, caseHeading, shownActions } from "./case-shown-outside.ts";
import { denyCaseRead } from "./denied-case-read.ts";
import { complainantThread, type ThreadMessage } from "./portal-messages.ts";

// The complainant's view of their own cases. Every field here is chosen one by one: nothing
// about another party is ever selected, and shared free text is redacted on the way out.

export type PortalCaseSummary = CaseHeading;
export type PortalPendingReport = { id: string; category: string; reportedOn: string; receivedAt: Date };

export type PortalCaseView = PortalCaseSummary & {
  officer: string | null;
  nextStep: CurrentNextStep | null;
  updates: { at: Date; title: string; body: string | null; byYou: boolean }[];
  actions: { type: string; startedOn: string; dueOn: string | null; status: string }[];
  documents: { id: string; fileName: string; createdAt: Date }[];
  messages: ThreadMessage[];
};

function personOf(actor: Actor): string | null {
  return actor.kind === "user" ? actor.personId : null;
}

/** A party row joined to its case. */
const partyOfCase = and(
  eq(safetyParty.organisationId, safetyCase.organisationId),
  eq(safetyParty.caseId, safetyCase.id),
);

/**
 * The person is the complainant on a case that is not anonymised: the one rule for which cases the
 * portal lists and which it opens (with `partyOfCase` joined).
 */
function complainantOfLiveCase(personId: string): SQL[] {
  return [
    eq(safetyParty.personId, personId),
    eq(safetyParty.role, "complainant"),
    isNull(safetyCase.anonymisedAt),
  ];
}

export async function portalCases(
  db: Db,
  actor: Actor,
): Promise<{ cases: PortalCaseSummary[]; pending: PortalPendingReport[] }> {
  requireAllowed(canUsePortal(actor), "The portal is for tenants and residents.");
  const personId = personOf(actor);
  const cases = personId
    ? await db
        .selectDistinct({
          id: safetyCase.id,
          reference: safetyCase.reference,
          category: safetyCase.category,
          workflow: safetyCase.workflow,
          status: safetyCase.status,
          openedOn: safetyCase.openedOn,
          closedOn: safetyCase.closedOn,
        })
        .from(safetyCase)
        .innerJoin(safetyParty, partyOfCase)
        .where(inOrganisation(safetyCase, actor.organisationId, ...complainantOfLiveCase(personId)))
        .orderBy(desc(safetyCase.openedOn))
    : [];
  const userId = actor.kind === "user" ? actor.userId : null;
  const pending = userId
    ? await db
        .select({
          id: safetyReport.id,
          category: safetyReport.category,
          reportedOn: safetyReport.reportedOn,
          receivedAt: safetyReport.createdAt,
        })
        .from(safetyReport)
        .where(
          inOrganisation(
            safetyReport,
            actor.organisationId,
            eq(safetyReport.reporterUserId, userId),
            eq(safetyReport.status, "pending"),
          ),
        )
        .orderBy(desc(safetyReport.createdAt))
    : [];
  return {
    cases: cases.map(caseHeading),
    pending: pending.map((p) => ({ ...p, category: findCategory(p.category)?.name ?? p.category })),
  };
}

/**
 * The complainant's party on a case, or a 404. A guessed id is audited as a denied read:
 * someone looking for cases that are not theirs should leave a trace.
 */
export async function complainantParty(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
): Promise<{ partyId: string }> {
  requireAllowed(canUsePortal(actor), "The portal is for tenants and residents.");
  const personId = personOf(actor);
  const [party] =
    isUuid(caseId) && personId
      ? await db
          .select({ id: safetyParty.id })
          .from(safetyParty)
          .innerJoin(safetyCase, partyOfCase)
          .where(
            inOrganisation(
              safetyParty,
              actor.organisationId,
              eq(safetyParty.caseId, caseId),
              ...complainantOfLiveCase(personId),
            ),
          )
          .limit(1)
      : [];
  if (!party) return denyCaseRead(db, actor, now, caseId, "Portal user asked for a case that is not theirs");
  return { partyId: party.id };
}

export async function portalCase(db: Db, actor: Actor, now: Date, caseId: string): Promise<PortalCaseView> {
  const { partyId } = await complainantParty(db, actor, now, caseId);
  const [found] = await db
    .select()
    .from(safetyCase)
    .where(inOrganisation(safetyCase, actor.organisationId, eq(safetyCase.id, caseId)));
  if (!found) throw notFound("Case not found");
  const parties = await db
    .select({
      id: safetyParty.id,
      displayName: safetyParty.displayName,
      address: safetyParty.address,
      contact: safetyParty.contact,
      externalRef: safetyParty.externalRef,
    })
    .from(safetyParty)
    .where(inOrganisation(safetyParty, actor.organisationId, eq(safetyParty.caseId, caseId)));
  const own = parties.find((p) => p.id === partyId);
  const terms = redactionTerms(
    parties.filter((p) => p.id !== partyId),
    own ? [own.displayName] : [],
  );
  // The complainant is the data subject here; the tags decide what is redacted in shared text.
  const subject: Viewer = { kind: "data-subject", terms };
  const entries = await db
    .select({
      at: safetyTimelineEntry.at,
      title: safetyTimelineEntry.title,
      body: safetyTimelineEntry.body,
      byParty: safetyTimelineEntry.byComplainantPartyId,
    })
    .from(safetyTimelineEntry)
    .where(
      inOrganisation(
        safetyTimelineEntry,
        actor.organisationId,
        eq(safetyTimelineEntry.caseId, caseId),
        or(eq(safetyTimelineEntry.published, true), eq(safetyTimelineEntry.byComplainantPartyId, partyId)),
      ),
    )
    .orderBy(asc(safetyTimelineEntry.at));
  const actions = await shownActions(
    db,
    actor.organisationId,
    caseId,
    eq(safetyAction.published, true),
    or(
      isNull(safetyAction.partyId),
      inArray(
        safetyAction.partyId,
        parties.map((p) => p.id),
      ),
    ) as SQL,
  );
  const documents = await db
    .select({ id: safetyDocument.id, fileName: safetyDocument.fileName, createdAt: safetyDocument.createdAt })
    .from(safetyDocument)
    .where(
      inOrganisation(
        safetyDocument,
        actor.organisationId,
        eq(safetyDocument.caseId, caseId),
        eq(safetyDocument.uploadedByPartyId, partyId),
      ),
    );
  let officer: string | null = null;
  if (found.publishedFields.includes("lead-officer") && found.leadOfficerId) {
    officer = (await findUser(db, actor.organisationId, found.leadOfficerId))?.name ?? null;
  }
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "safety_case",
    entityId: caseId,
    summary: `Complainant viewed case ${found.reference} in the portal`,
  });
  return {
    ...caseHeading(found),
    officer: officer === null ? null : redact(officer, terms),
    nextStep: currentNextStep({
      closed: found.closedOn !== null,
      written: found.publishedFields.includes("next-step")
        ? (viewRow("safety_case", found, subject).nextStep ?? null)
        : null,
      writtenAt: found.nextStepAt ?? found.createdAt,
      sharedUpdates: entries.filter((e) => e.byParty === null).map((e) => e.at),
      openActions: actions.filter((a) => a.status === "open").map((a) => ({ name: a.type, dueOn: a.dueOn })),
    }),
    // The complainant's own words are theirs: shown as written.
    updates: entries.map((e) => {
      const seen = e.byParty === partyId ? e : viewRow("safety_timeline_entry", e, subject);
      return { at: e.at, title: seen.title ?? "", body: seen.body ?? null, byYou: e.byParty === partyId };
    }),
    actions,
    documents,
    messages: await complainantThread(db, actor.organisationId, caseId, partyId),
  };
}
