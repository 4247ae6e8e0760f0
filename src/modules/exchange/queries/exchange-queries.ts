import { asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { isStaff, requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { type PointsResult, socialValuePoints } from "../points.ts";
import { canUseExchange, canViewNeed, canViewPledge } from "../policy.ts";
import {
  exchangeAlert,
  exchangeContract,
  exchangeNeed,
  exchangePledge,
  exchangePledgeNeed,
  type Need,
  type NeedStatus,
  type SupplierPledge,
} from "../schema.ts";
import { meetsOwnNeed, visiblePledge } from "./pledge-access.ts";
import { needOfLink, pledgeOfLink } from "./pledge-need-links.ts";

const partnerOf = (actor: Actor) => (actor.kind === "user" ? actor.partnerOrganisationId : null);

/** Staff see every need; others see open needs, and a community organisation its own too. */
export async function listNeeds(db: Db, actor: Actor, filter: { status?: NeedStatus } = {}): Promise<Need[]> {
  requireAllowed(canUseExchange(actor), "You cannot use the social value exchange.");
  const own = partnerOf(actor);
  const visibility = isStaff(actor)
    ? undefined
    : own && actor.kind === "user" && actor.role === "community-group"
      ? or(eq(exchangeNeed.status, "open"), eq(exchangeNeed.communityOrgId, own))
      : eq(exchangeNeed.status, "open");
  return db
    .select()
    .from(exchangeNeed)
    .where(
      inOrganisation(
        exchangeNeed,
        actor.organisationId,
        visibility,
        filter.status ? eq(exchangeNeed.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(exchangeNeed.createdAt));
}

export async function getNeed(db: Db, actor: Actor, needId: string) {
  requireAllowed(canUseExchange(actor), "You cannot use the social value exchange.");
  if (!isUuid(needId)) throw notFound("Need not found");
  const [need] = await db
    .select()
    .from(exchangeNeed)
    .where(matchInOrganisation(exchangeNeed, actor.organisationId, { id: needId }));
  if (!need || !canViewNeed(actor, need)) throw notFound("Need not found");
  const linked = await db
    .select({ pledge: exchangePledge })
    .from(exchangePledgeNeed)
    .innerJoin(exchangePledge, pledgeOfLink)
    .where(matchInOrganisation(exchangePledgeNeed, actor.organisationId, { needId: need.id }))
    .orderBy(asc(exchangePledge.createdAt));
  const ownNeed =
    actor.kind === "user" && actor.role === "community-group" && partnerOf(actor) === need.communityOrgId;
  // Offers still in a tender are confidential to the bidder and staff.
  const pledges = linked
    .map((row) => row.pledge)
    .filter(
      (pledge) =>
        canViewPledge(actor, pledge, ownNeed) &&
        (isStaff(actor) || pledge.status !== "offered" || pledge.supplierId === partnerOf(actor)),
    );
  return { need, pledges };
}

export async function listContracts(db: Db, actor: Actor) {
  requireAllowed(canUseExchange(actor), "You cannot use the social value exchange.");
  return organisationRows(db, exchangeContract, actor.organisationId, desc(exchangeContract.createdAt));
}

export type SupplierBid = {
  supplierId: string;
  supplierName: string;
  pledges: SupplierPledge[];
  points: PointsResult;
};

/** A tender with each bidder's pledges and points. A supplier sees only its own bid. */
export async function getContract(db: Db, actor: Actor, contractId: string) {
  requireAllowed(canUseExchange(actor), "You cannot use the social value exchange.");
  if (!isUuid(contractId)) throw notFound("Tender not found");
  const [contract] = await db
    .select()
    .from(exchangeContract)
    .where(matchInOrganisation(exchangeContract, actor.organisationId, { id: contractId }));
  if (!contract) throw notFound("Tender not found");
  const supplierOnly = !isStaff(actor)
    ? (partnerOf(actor) ?? "00000000-0000-0000-0000-000000000000")
    : undefined;
  const pledges = await db
    .select()
    .from(exchangePledge)
    .where(
      matchInOrganisation(
        exchangePledge,
        actor.organisationId,
        { contractId: contract.id },
        supplierOnly ? eq(exchangePledge.supplierId, supplierOnly) : undefined,
      ),
    )
    .orderBy(asc(exchangePledge.supplierName), asc(exchangePledge.createdAt));
  const bySupplier = new Map<string, SupplierPledge[]>();
  for (const pledge of pledges)
    bySupplier.set(pledge.supplierId, [...(bySupplier.get(pledge.supplierId) ?? []), pledge]);
  const bids: SupplierBid[] = [...bySupplier.entries()].map(([supplierId, list]) => ({
    supplierId,
    supplierName: list[0].supplierName,
    pledges: list,
    // Points score the bid as offered, so they are worked out from every pledge the supplier made.
    points: socialValuePoints(contract, list),
  }));
  bids.sort((a, b) => b.points.points - a.points.points || a.supplierName.localeCompare(b.supplierName));
  return { contract, bids };
}

export async function getPledge(db: Db, actor: Actor, pledgeId: string) {
  requireAllowed(canUseExchange(actor), "You cannot use the social value exchange.");
  const { pledge, ownNeed } = await visiblePledge(db, actor, pledgeId);
  const [contract] = await db
    .select()
    .from(exchangeContract)
    .where(matchInOrganisation(exchangeContract, actor.organisationId, { id: pledge.contractId }));
  const needs = await db
    .select({ need: exchangeNeed })
    .from(exchangePledgeNeed)
    .innerJoin(exchangeNeed, needOfLink)
    .where(matchInOrganisation(exchangePledgeNeed, actor.organisationId, { pledgeId: pledge.id }));
  return { pledge, contract, needs: needs.map((row) => row.need), ownNeed };
}

/** Pledges the actor is involved in: a supplier's own, or those meeting a community organisation's needs. */
export async function listMyPledges(db: Db, actor: Actor): Promise<SupplierPledge[]> {
  requireAllowed(canUseExchange(actor), "You cannot use the social value exchange.");
  const own = partnerOf(actor);
  if (!own) return [];
  if (actor.kind === "user" && actor.role === "supplier") {
    return db
      .select()
      .from(exchangePledge)
      .where(matchInOrganisation(exchangePledge, actor.organisationId, { supplierId: own }))
      .orderBy(desc(exchangePledge.createdAt));
  }
  const rows = await db
    .selectDistinct({ pledge: exchangePledge })
    .from(exchangePledge)
    .innerJoin(exchangePledgeNeed, pledgeOfLink)
    .innerJoin(exchangeNeed, needOfLink)
    .where(
      inOrganisation(
        exchangePledge,
        actor.organisationId,
        eq(exchangeNeed.communityOrgId, own),
        inArray(exchangePledge.status, ["accepted", "delivered", "verified"]),
      ),
    );
  return rows.map((row) => row.pledge);
}

export async function listOpenAlerts(db: Db, actor: Actor) {
  requireAllowed(isStaff(actor), "Only staff see overdue alerts.");
  return db
    .select({ alert: exchangeAlert, pledge: exchangePledge })
    .from(exchangeAlert)
    .innerJoin(
      exchangePledge,
      sameOrganisation(exchangePledge, exchangeAlert, eq(exchangePledge.id, exchangeAlert.pledgeId)),
    )
    .where(inOrganisation(exchangeAlert, actor.organisationId, isNull(exchangeAlert.clearedAt)))
    .orderBy(asc(exchangePledge.dueBy));
}

export { meetsOwnNeed };
