import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { getOrganisation } from "../../../platform/access/organisations.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewReports } from "../policy.ts";
import { checkKinds, themes } from "../vocabulary.ts";
import { rowsOf } from "./rows.ts";
import { toVolunteeringDataStandard, type VolunteeringDataStandardDocument } from "./vds-standard.ts";

// The UK Volunteering Data Standard (draft, developed in the open by the ODI's Volunteering
// Data Standards Working Group) describes organisation → activity → role → session.
// docs/volunteering-vds.md documents this file field by field. No personal data leaves:
// sessions carry counts of volunteers and minutes, never names.

export const vdsFormatVersion = "kith-vds-2.0";

type RoleRow = {
  id: string;
  title: string;
  description: string;
  activity: string;
  theme: string;
  skills: string[];
  interests: string[];
  availability: string[];
  remote: boolean;
  location_name: string | null;
  postcode: string | null;
  la_code: string | null;
  latitude: number | null;
  longitude: number | null;
  time_commitment: string;
  dbs_required: boolean;
  training_required: string[];
  minimum_age: number | null;
  places: number;
  status: string;
  partner_organisation_id: string | null;
  project_ref: string | null;
  approved_at: string | Date | null;
  volunteers: number;
  minutes: number;
  verified_minutes: number;
};
type SessionRow = {
  id: string;
  opportunity_id: string;
  starts_at: string | Date;
  ends_at: string | Date;
  volunteers: number;
  minutes: number;
};

export type VdsSession = {
  id: string;
  startDate: string;
  endDate: string;
  volunteers: number;
  minutes: number;
};
export type VdsRole = {
  id: string;
  title: string;
  description: string;
  theme: { id: string; name: string };
  skills: string[];
  interests: string[];
  availability: string[];
  remote: boolean;
  location: {
    name: string | null;
    postcode: string | null;
    localAuthorityCode: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
  timeCommitment: string;
  requirements: {
    dbsCheck: "enhanced" | "none";
    training: { id: string; name: string }[];
    minimumAge: number | null;
  };
  places: number;
  status: "open" | "closed";
  projectRef: string | null;
  hours: { volunteers: number; minutes: number; verifiedMinutes: number };
  sessions: VdsSession[];
};
export type VdsActivity = { id: string; name: string; roles: VdsRole[] };
export type VdsOrganisation = {
  id: string;
  name: string | null;
  identifier: string | null;
  relationship: "self" | "partner";
  activities: VdsActivity[];
};
export type VdsExport = {
  standard: string;
  formatVersion: string;
  generatedAt: string;
  publisher: { id: string; name: string };
  organisations: VdsOrganisation[];
};

const iso = (value: string | Date) => new Date(value).toISOString();

/** A stable id for an activity, which Kith stores as a name on each role. */
function activityId(organisationId: string, owner: string, name: string): string {
  return `activity-${createHash("sha256").update(`${organisationId}\n${owner}\n${name.trim().toLowerCase()}`).digest("hex").slice(0, 16)}`;
}

/**
 * Builds Kith's model of the export for one organisation: its own roles, and its partners'
 * roles, each partner as an organisation of its own. Only public (approved or closed) roles
 * are included. vds-standard.ts turns it into the standard's document.
 */
export async function buildVdsModel(
  db: Db,
  organisationId: string,
  now: Date,
  partnerNames: Map<string, { name: string; identifier: string | null }> = new Map(),
): Promise<VdsExport> {
  const publisher = await getOrganisation(db, organisationId);
  if (!publisher) throw notFound("Organisation not found");
  const roles = await rowsOf<RoleRow>(
    db,
    sql`
    SELECT o.id, o.title, o.description, o.activity, o.theme, o.skills, o.interests, o.availability, o.remote,
           o.location_name, o.postcode, o.la_code, o.latitude, o.longitude, o.time_commitment, o.dbs_required,
           o.training_required, o.minimum_age, o.places, o.status, o.partner_organisation_id, o.project_ref, o.approved_at,
           count(DISTINCT h.volunteer_id)::int AS volunteers,
           coalesce(sum(h.minutes), 0)::int AS minutes,
           coalesce(sum(h.minutes) FILTER (WHERE h.status = 'verified'), 0)::int AS verified_minutes
      FROM vol_opportunity o
      LEFT JOIN vol_hours h ON h.organisation_id = o.organisation_id AND h.opportunity_id = o.id AND h.status <> 'disputed'
     WHERE o.organisation_id = ${organisationId} AND o.status IN ('approved', 'closed')
     GROUP BY o.organisation_id, o.id
     ORDER BY o.activity, o.title, o.id`,
  );
  const sessions = await rowsOf<SessionRow>(
    db,
    sql`
    SELECT s.id, s.opportunity_id, s.starts_at, s.ends_at,
           count(DISTINCT h.volunteer_id)::int AS volunteers, coalesce(sum(h.minutes), 0)::int AS minutes
      FROM vol_session s
      JOIN vol_opportunity o ON o.organisation_id = s.organisation_id AND o.id = s.opportunity_id
      LEFT JOIN vol_hours h ON h.organisation_id = s.organisation_id AND h.session_id = s.id AND h.status <> 'disputed'
     WHERE s.organisation_id = ${organisationId} AND o.status IN ('approved', 'closed')
     GROUP BY s.organisation_id, s.id
     ORDER BY s.starts_at, s.id`,
  );
  const sessionsByRole = new Map<string, VdsSession[]>();
  for (const session of sessions) {
    const list = sessionsByRole.get(session.opportunity_id) ?? [];
    list.push({
      id: session.id,
      startDate: iso(session.starts_at),
      endDate: iso(session.ends_at),
      volunteers: Number(session.volunteers),
      minutes: Number(session.minutes),
    });
    sessionsByRole.set(session.opportunity_id, list);
  }
  const organisations = new Map<string, VdsOrganisation>();
  const self: VdsOrganisation = {
    id: publisher.id,
    name: publisher.name,
    identifier: publisher.orgIdentifier,
    relationship: "self",
    activities: [],
  };
  organisations.set(publisher.id, self);
  for (const role of roles) {
    const ownerId = role.partner_organisation_id ?? publisher.id;
    let owner = organisations.get(ownerId);
    if (!owner) {
      const partner = partnerNames.get(ownerId);
      owner = {
        id: ownerId,
        name: partner?.name ?? null,
        identifier: partner?.identifier ?? null,
        relationship: "partner",
        activities: [],
      };
      organisations.set(ownerId, owner);
    }
    const id = activityId(organisationId, ownerId, role.activity);
    let activity = owner.activities.find((candidate) => candidate.id === id);
    if (!activity) {
      activity = { id, name: role.activity, roles: [] };
      owner.activities.push(activity);
    }
    activity.roles.push({
      id: role.id,
      title: role.title,
      description: role.description,
      theme: { id: role.theme, name: themes[role.theme as keyof typeof themes] ?? role.theme },
      skills: role.skills,
      interests: role.interests,
      availability: role.availability,
      remote: role.remote,
      location:
        role.postcode || role.location_name
          ? {
              name: role.location_name,
              postcode: role.postcode,
              localAuthorityCode: role.la_code,
              latitude: role.latitude,
              longitude: role.longitude,
            }
          : null,
      timeCommitment: role.time_commitment,
      requirements: {
        dbsCheck: role.dbs_required ? "enhanced" : "none",
        training: role.training_required.map((kind) => ({
          id: kind,
          name: checkKinds[kind as keyof typeof checkKinds] ?? kind,
        })),
        minimumAge: role.minimum_age === null ? null : Number(role.minimum_age),
      },
      places: Number(role.places),
      status: role.status === "approved" ? "open" : "closed",
      projectRef: role.project_ref,
      hours: {
        volunteers: Number(role.volunteers),
        minutes: Number(role.minutes),
        verifiedMinutes: Number(role.verified_minutes),
      },
      sessions: sessionsByRole.get(role.id) ?? [],
    });
  }
  return {
    standard: "UK Volunteering Data Standard (draft): organisation → activity → role → session",
    formatVersion: vdsFormatVersion,
    generatedAt: now.toISOString(),
    publisher: { id: publisher.id, name: publisher.name },
    organisations: [...organisations.values()],
  };
}

/** The standard's document; with a base URL each role links to its public apply page. */
export async function buildVdsExport(
  db: Db,
  organisationId: string,
  now: Date,
  partnerNames?: Map<string, { name: string; identifier: string | null }>,
  baseUrl?: string,
): Promise<VolunteeringDataStandardDocument> {
  const publisher = await getOrganisation(db, organisationId);
  if (!publisher) throw notFound("Organisation not found");
  const model = await buildVdsModel(db, organisationId, now, partnerNames);
  const base = baseUrl?.replace(/\/+$/, "");
  return toVolunteeringDataStandard(
    model,
    base ? (roleId) => `${base}/volunteer/${publisher.slug}/roles/${roleId}` : undefined,
  );
}

export async function vdsExportFor(
  db: Db,
  actor: Actor,
  now: Date,
  partnerNames?: Map<string, { name: string; identifier: string | null }>,
  baseUrl?: string,
): Promise<VolunteeringDataStandardDocument> {
  requireAllowed(canViewReports(actor), "Only staff can export volunteering data.");
  return buildVdsExport(db, actor.organisationId, now, partnerNames, baseUrl);
}
