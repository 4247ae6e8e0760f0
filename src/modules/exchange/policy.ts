import type { Actor } from "../../platform/access/actor.ts";
import { isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";
import type { Need, SupplierPledge } from "./schema.ts";

// Who may do what in the social value exchange.

const isRole = (actor: Actor, role: string): boolean => actor.kind === "user" && actor.role === role;
const ownOrg = (actor: Actor): string | null => (actor.kind === "user" ? actor.partnerOrganisationId : null);

export function canUseExchange(actor: Actor): boolean {
  return isStaff(actor) || isRole(actor, "community-group") || isRole(actor, "supplier");
}

/** Community organisations post needs for themselves; officers can post for them. */
export function canPostNeed(actor: Actor): boolean {
  return isOfficerOrAbove(actor) || (isRole(actor, "community-group") && ownOrg(actor) !== null);
}

/** Staff and suppliers see open needs; a community organisation sees the open ones and its own. */
export function canViewNeed(actor: Actor, need: Pick<Need, "status" | "communityOrgId">): boolean {
  if (isStaff(actor)) return true;
  if (isRole(actor, "community-group") && ownOrg(actor) === need.communityOrgId) return true;
  return need.status === "open" && (isRole(actor, "supplier") || isRole(actor, "community-group"));
}

export function canModerateNeed(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

export function canManageContracts(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Suppliers pledge for themselves; an officer may record a pledge a supplier sent in another way. */
export function canOfferPledge(actor: Actor): boolean {
  return (isRole(actor, "supplier") && ownOrg(actor) !== null) || isOfficerOrAbove(actor);
}

/** Staff see every pledge; a supplier sees its own; never a rival's bid. */
export function canViewPledge(
  actor: Actor,
  pledge: Pick<SupplierPledge, "supplierId">,
  meetsOwnNeed: boolean,
): boolean {
  if (isStaff(actor)) return true;
  if (isRole(actor, "supplier")) return ownOrg(actor) === pledge.supplierId;
  return isRole(actor, "community-group") && meetsOwnNeed;
}

export function canRecordDelivery(actor: Actor, pledge: Pick<SupplierPledge, "supplierId">): boolean {
  return isOfficerOrAbove(actor) || (isRole(actor, "supplier") && ownOrg(actor) === pledge.supplierId);
}

/** The community organisation whose need it met confirms it; an officer confirms it too. */
export function canVerifyAsCommunity(actor: Actor, meetsOwnNeed: boolean): boolean {
  return isRole(actor, "community-group") && meetsOwnNeed;
}

export function canVerifyAsOfficer(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

export function canViewExchangeReports(actor: Actor): boolean {
  return isStaff(actor);
}
