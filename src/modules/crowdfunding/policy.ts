import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";
import type { Campaign } from "./schema.ts";

// Who may do what with crowdfunding. Backers need no account: pledging is public.

/** Staff see every campaign; a community group sees its own. */
export function canViewCampaign(actor: Actor, campaign: Pick<Campaign, "groupId">): boolean {
  if (isStaff(actor)) return true;
  return (
    actor.kind === "user" &&
    actor.role === "community-group" &&
    actor.partnerOrganisationId !== null &&
    actor.partnerOrganisationId === campaign.groupId
  );
}

export function canListCampaigns(actor: Actor): boolean {
  return isStaff(actor) || (actor.kind === "user" && actor.role === "community-group");
}

/** Community groups start campaigns for their own group; officers can start one on a group's behalf. */
export function canCreateCampaign(actor: Actor): boolean {
  return (
    isOfficerOrAbove(actor) ||
    (actor.kind === "user" && actor.role === "community-group" && actor.partnerOrganisationId !== null)
  );
}

/** The group edits and submits its own draft; officers may too. */
export function canEditCampaign(actor: Actor, campaign: Pick<Campaign, "groupId">): boolean {
  if (isOfficerOrAbove(actor)) return true;
  return (
    actor.kind === "user" &&
    actor.role === "community-group" &&
    actor.partnerOrganisationId !== null &&
    actor.partnerOrganisationId === campaign.groupId
  );
}

/** Verification before launch is an officer's job. */
export function canReviewCampaign(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** The group and officers change a draft; while it is in review, only officers (the reviewers) may. */
export function canChangeCampaignNow(actor: Actor, campaign: Pick<Campaign, "groupId" | "status">): boolean {
  if (campaign.status === "draft") return canEditCampaign(actor, campaign);
  return campaign.status === "in-review" && canReviewCampaign(actor);
}

/** Officers score and pledge from match funds. */
export function canMatchPledge(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Fund rules set how public money is given: managers own them. */
export function canManageFunds(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Settlement moves money: officers (or the system's deadline job). */
export function canSettleCampaign(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Progress updates and delivery: the group that ran it, or an officer. */
export function canPostUpdate(actor: Actor, campaign: Pick<Campaign, "groupId">): boolean {
  return canEditCampaign(actor, campaign);
}

/** Backers' names and emails are personal data: staff only, and every read is audited. */
export function canViewBackers(actor: Actor): boolean {
  return isStaff(actor);
}

export function canViewReports(actor: Actor): boolean {
  return isStaff(actor);
}
