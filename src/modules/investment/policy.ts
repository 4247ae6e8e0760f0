import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";

// Who may do what in community investment. Organisation scoping happens in every query
// (inOrganisation); these rules are about roles within the organisation.

/** The strategy (themes, outcomes, indicators, targets, theory-of-change templates) is set by managers. */
export function canManageStrategy(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** All staff, including the read-only board, see the strategy and the project portfolio. */
export function canViewPortfolio(actor: Actor): boolean {
  return isStaff(actor);
}

/** Officers and above create and change projects, budgets and steering groups. */
export function canManageProjects(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Recording sessions, attendance and outcomes is delivery work: officers and above. */
export function canRecordDelivery(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/**
 * Participants are personal data. The board sees totals on the dashboard, never names,
 * so read-only staff are refused here.
 */
export function canViewParticipants(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}
