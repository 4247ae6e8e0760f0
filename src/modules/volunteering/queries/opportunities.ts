import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { normalisePostcode } from "../../../platform/http/fields.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { distanceKm, locatePostcode } from "../geography.ts";
import { canCoordinate, canPostOpportunity, canSeeOpportunity, canViewReports } from "../policy.ts";
import { loadOpportunity } from "../records.ts";
import {
  type Opportunity,
  type OpportunityStatus,
  volApplication,
  volOpportunity,
  volSession,
} from "../schema.ts";
import { availabilitySlots, interests, isKeyOf, skills } from "../vocabulary.ts";

export type PublicSearch = {
  interest?: string;
  skill?: string;
  availability?: string;
  postcode?: string;
  withinKm?: number;
};
export type PublicResult = Opportunity & { placesLeft: number; distanceKm: number | null };

async function placesTakenFor(db: Db, organisationId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: volApplication.opportunityId, taken: sql<number>`count(*)::int` })
    .from(volApplication)
    .where(
      inOrganisation(
        volApplication,
        organisationId,
        inArray(volApplication.opportunityId, ids),
        inArray(volApplication.status, ["approved", "placed"]),
      ),
    )
    .groupBy(volApplication.opportunityId);
  return new Map(rows.map((row) => [row.id, Number(row.taken)]));
}

/**
 * The public search: approved roles only, filtered by interest, skill and time, and
 * when a postcode is given, by approximate distance (nearest first; remote roles always match).
 */
export async function searchPublicOpportunities(
  db: Db,
  organisationId: string,
  search: PublicSearch,
): Promise<PublicResult[]> {
  const errors: Record<string, string> = {};
  if (search.interest && !isKeyOf(interests, search.interest))
    errors.interest = "Select an interest from the list";
  if (search.skill && !isKeyOf(skills, search.skill)) errors.skill = "Select a skill from the list";
  if (search.availability && !isKeyOf(availabilitySlots, search.availability))
    errors.availability = "Select a time from the list";
  let origin: { latitude: number; longitude: number } | null = null;
  if (search.postcode?.trim()) {
    const postcode = normalisePostcode(search.postcode);
    if (!postcode) errors.postcode = "Enter a real postcode, like ME4 4TR";
    else {
      origin = locatePostcode(postcode);
      if (!origin) errors.postcode = "We can only search by distance from postcodes in Kent and Medway";
    }
  }
  if (Object.keys(errors).length > 0) throw invalid("Check your search.", errors);
  const rows = await db
    .select()
    .from(volOpportunity)
    .where(
      matchInOrganisation(
        volOpportunity,
        organisationId,
        { status: "approved" },
        search.interest ? sql`${search.interest} = ANY(${volOpportunity.interests})` : undefined,
        search.skill ? sql`${search.skill} = ANY(${volOpportunity.skills})` : undefined,
        search.availability ? sql`${search.availability} = ANY(${volOpportunity.availability})` : undefined,
      ),
    )
    .orderBy(desc(volOpportunity.approvedAt), asc(volOpportunity.id))
    .limit(500);
  const taken = await placesTakenFor(
    db,
    organisationId,
    rows.map((row) => row.id),
  );
  const within = search.withinKm ?? 15;
  return rows
    .map((row) => ({
      ...row,
      placesLeft: Math.max(0, row.places - (taken.get(row.id) ?? 0)),
      distanceKm:
        origin && row.latitude !== null && row.longitude !== null
          ? distanceKm(origin, { latitude: row.latitude, longitude: row.longitude })
          : null,
    }))
    .filter((row) => !origin || row.remote || (row.distanceKm !== null && row.distanceKm <= within))
    .sort((a, b) =>
      origin ? (a.remote ? 1 : 0) - (b.remote ? 1 : 0) || (a.distanceKm ?? 0) - (b.distanceKm ?? 0) : 0,
    );
}

/** One public role, or 404 when it is not approved (drafts and rejected roles are not public). */
export async function getPublicOpportunity(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PublicResult> {
  const role = await loadOpportunity(db, organisationId, id);
  if (role.status !== "approved")
    throw notFound(
      "Volunteering role not found",
      "The role may have closed. Search again for roles near you.",
    );
  const taken = await placesTakenFor(db, organisationId, [role.id]);
  return { ...role, placesLeft: Math.max(0, role.places - (taken.get(role.id) ?? 0)), distanceKm: null };
}

/** Staff list (all roles) or a partner's list (its own roles), by status. */
export async function listOpportunities(
  db: Db,
  actor: Actor,
  status?: OpportunityStatus,
): Promise<(Opportunity & { placesTaken: number })[]> {
  requireAllowed(canViewReports(actor) || canPostOpportunity(actor), "You cannot see volunteering roles.");
  const partnerOnly = !canViewReports(actor) && actor.kind === "user" ? actor.partnerOrganisationId : null;
  const rows = await db
    .select()
    .from(volOpportunity)
    .where(
      inOrganisation(
        volOpportunity,
        actor.organisationId,
        status ? eq(volOpportunity.status, status) : undefined,
        partnerOnly ? eq(volOpportunity.partnerOrganisationId, partnerOnly) : undefined,
      ),
    )
    .orderBy(desc(volOpportunity.createdAt))
    .limit(500);
  const taken = await placesTakenFor(
    db,
    actor.organisationId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, placesTaken: taken.get(row.id) ?? 0 }));
}

export async function getOpportunity(db: Db, actor: Actor, id: string) {
  // The role before the look-up (issue 18 item 6): staff, and partners who can post roles, see some.
  requireAllowed(
    canViewReports(actor) || canPostOpportunity(actor),
    "Only staff and the organisation that posted a role can see it.",
  );
  const role = await loadOpportunity(db, actor.organisationId, id);
  if (!canSeeOpportunity(actor, role)) throw notFound("Volunteering role not found");
  const sessions = await db
    .select()
    .from(volSession)
    .where(matchInOrganisation(volSession, actor.organisationId, { opportunityId: role.id }))
    .orderBy(asc(volSession.startsAt));
  const taken = await placesTakenFor(db, actor.organisationId, [role.id]);
  return { role, sessions, placesTaken: taken.get(role.id) ?? 0, canDecide: canCoordinate(actor) };
}
