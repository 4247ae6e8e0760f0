import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewPartners } from "../policy.ts";
import { type PartnerKind, type PartnerOrganisation, partnerOrganisation } from "../schema.ts";

export async function listPartnerOrganisations(
  db: Db,
  actor: Actor,
  filters: { kind?: PartnerKind } = {},
): Promise<PartnerOrganisation[]> {
  requireAllowed(canViewPartners(actor), "Only staff can see partner organisations.");
  return db
    .select()
    .from(partnerOrganisation)
    .where(
      inOrganisation(
        partnerOrganisation,
        actor.organisationId,
        filters.kind ? eq(partnerOrganisation.kind, filters.kind) : undefined,
      ),
    )
    .orderBy(asc(partnerOrganisation.name));
}

/** Partner users may see their own organisation's record. */
export async function getPartnerOrganisation(db: Db, actor: Actor, id: string): Promise<PartnerOrganisation> {
  if (!isUuid(id)) throw notFound("Organisation not found");
  const own = actor.kind === "user" && actor.partnerOrganisationId === id;
  if (!own) requireAllowed(canViewPartners(actor), "Only staff can see partner organisations.");
  const [found] = await db
    .select()
    .from(partnerOrganisation)
    .where(matchInOrganisation(partnerOrganisation, actor.organisationId, { id }));
  if (!found) throw notFound("Organisation not found");
  return found;
}

/**
 * For other modules' commands checking a reference: the partner organisation with this id
 * in this organisation, or undefined. No policy here: it reveals nothing beyond the caller's own organisation.
 */
export async function findOwnPartnerOrganisation(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PartnerOrganisation | undefined> {
  if (!isUuid(id)) return undefined;
  const [found] = await db
    .select()
    .from(partnerOrganisation)
    .where(matchInOrganisation(partnerOrganisation, organisationId, { id }));
  return found;
}

export async function listPartnerOrganisationsForSeed(
  db: Db,
  organisationId: string,
): Promise<PartnerOrganisation[]> {
  return db
    .select()
    .from(partnerOrganisation)
    .where(inOrganisation(partnerOrganisation, organisationId))
    .orderBy(asc(partnerOrganisation.name));
}
