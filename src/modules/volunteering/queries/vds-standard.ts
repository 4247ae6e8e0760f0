import type { AvailabilitySlot } from "../vocabulary.ts";
import type { VdsActivity, VdsExport, VdsOrganisation, VdsRole, VdsSession } from "./vds-export.ts";

// The export in the published shape of the UK Volunteering Data Standard (the draft by the
// ODI's Volunteering Data Standards project, standard.volunteeringdata.io, "Publishing
// Opportunities Data"): a JSON-LD document whose `graph` holds Organisations, each embedding
// its `activity` list, each activity its `role` and `session` lists. Field names are the
// standard's. What the standard has no term for (hours, places, themes, interests) is added
// under the "kith:" prefix, declared in the context, so JSON-LD readers keep it apart.
// docs/volunteering-vds.md maps every field.

const ns = "https://ns.volunteeringdata.io/";
type JsonLdContext = (string | { kith: string })[];
export const vdsContext: JsonLdContext = [
  "https://api.volunteeringdata.io/context/v1",
  { kith: "urn:kith:vocab:" },
];

/** Our free-time slots as the standard's defined temporal entities (morning, afternoon, evening per day). */
const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const slotTimes: Record<AvailabilitySlot, string[]> = {
  "weekday-mornings": weekdays.map((day) => `${ns}${day}Morning`),
  "weekday-afternoons": weekdays.map((day) => `${ns}${day}Afternoon`),
  "weekday-evenings": weekdays.map((day) => `${ns}${day}Evening`),
  weekends: ["Saturday", "Sunday"].flatMap((day) =>
    ["Morning", "Afternoon", "Evening"].map((part) => `${ns}${day}${part}`),
  ),
};

export type StandardLocation = { name?: string; address?: string; latitude?: string; longitude?: string };
export type StandardTime = {
  type: "Time";
  "rdfs:label": string;
  "time:hasBeginning": { "time:inXSDDateTimeStamp": string };
  "time:hasEnd": { "time:inXSDDateTimeStamp": string };
};
export type StandardSession = {
  type: "Session";
  location?: StandardLocation;
  time: string[] | StandardTime;
  "kith:role": string;
  "kith:volunteers"?: number;
  "kith:minutes"?: number;
};
export type StandardRole = {
  type: "Role";
  id: string;
  title: string;
  description: string;
  commitment: string;
  applyLink?: string;
  allowsRemoteParticipation: boolean;
  minimumAge?: string;
  requirement: string[];
  skill: string[];
  "kith:theme": string;
  "kith:interest": string[];
  "kith:places": number;
  "kith:status": "open" | "closed";
  "kith:projectRef"?: string;
  "kith:hours": { volunteers: number; minutes: number; verifiedMinutes: number };
};
export type StandardActivity = {
  type: "Activity";
  id: string;
  title: string;
  role: StandardRole[];
  session: StandardSession[];
};
export type StandardOrganisation = {
  type: "Organisation";
  id: string;
  name?: string;
  "kith:orgIdentifier"?: string;
  "kith:relationship": "self" | "partner";
  activity: StandardActivity[];
};
export type VolunteeringDataStandardDocument = {
  "@context": JsonLdContext;
  conformsTo: string;
  publisher: string;
  modified: string;
  "kith:formatVersion": string;
  graph: StandardOrganisation[];
};

const urn = (id: string) => `urn:uuid:${id}`;

function location(role: VdsRole): StandardLocation | undefined {
  if (!role.location) return undefined;
  const { name, postcode, latitude, longitude } = role.location;
  return {
    ...(name ? { name } : {}),
    ...(postcode ? { address: postcode } : {}),
    // The standard writes coordinates as decimal-degree strings.
    ...(latitude !== null ? { latitude: String(latitude) } : {}),
    ...(longitude !== null ? { longitude: String(longitude) } : {}),
  };
}

function datedSession(role: VdsRole, session: VdsSession): StandardSession {
  const place = location(role);
  return {
    type: "Session",
    ...(place ? { location: place } : {}),
    time: {
      type: "Time",
      "rdfs:label": `${session.startDate} to ${session.endDate}`,
      "time:hasBeginning": { "time:inXSDDateTimeStamp": session.startDate },
      "time:hasEnd": { "time:inXSDDateTimeStamp": session.endDate },
    },
    "kith:role": urn(role.id),
    "kith:volunteers": session.volunteers,
    "kith:minutes": session.minutes,
  };
}

/** A role's usual times and place; its dated sessions follow as sessions of their own. */
function sessionsOf(role: VdsRole): StandardSession[] {
  const place = location(role);
  const usual = role.availability.flatMap((slot) => slotTimes[slot as AvailabilitySlot] ?? []);
  const regular: StandardSession[] =
    usual.length > 0 || place
      ? [{ type: "Session", ...(place ? { location: place } : {}), time: usual, "kith:role": urn(role.id) }]
      : [];
  return [...regular, ...role.sessions.map((session) => datedSession(role, session))];
}

function roleOf(role: VdsRole, applyLink: ((roleId: string) => string) | undefined): StandardRole {
  return {
    type: "Role",
    id: urn(role.id),
    title: role.title,
    description: role.description,
    commitment: role.timeCommitment,
    ...(applyLink ? { applyLink: applyLink(role.id) } : {}),
    allowsRemoteParticipation: role.remote,
    ...(role.requirements.minimumAge !== null ? { minimumAge: String(role.requirements.minimumAge) } : {}),
    requirement: [
      ...(role.requirements.dbsCheck === "enhanced" ? [`${ns}DBSCheck`] : []),
      ...role.requirements.training.map((training) => `kith:training/${training.id}`),
    ],
    skill: role.skills.map((skill) => `kith:skill/${skill}`),
    "kith:theme": role.theme.id,
    "kith:interest": role.interests,
    "kith:places": role.places,
    "kith:status": role.status,
    ...(role.projectRef ? { "kith:projectRef": role.projectRef } : {}),
    "kith:hours": role.hours,
  };
}

function activityOf(
  activity: VdsActivity,
  applyLink: ((roleId: string) => string) | undefined,
): StandardActivity {
  return {
    type: "Activity",
    id: `urn:kith:${activity.id}`,
    title: activity.name,
    role: activity.roles.map((role) => roleOf(role, applyLink)),
    session: activity.roles.flatMap(sessionsOf),
  };
}

function organisationOf(
  organisation: VdsOrganisation,
  applyLink: ((roleId: string) => string) | undefined,
): StandardOrganisation {
  return {
    type: "Organisation",
    id: urn(organisation.id),
    ...(organisation.name ? { name: organisation.name } : {}),
    ...(organisation.identifier ? { "kith:orgIdentifier": organisation.identifier } : {}),
    "kith:relationship": organisation.relationship,
    activity: organisation.activities.map((activity) => activityOf(activity, applyLink)),
  };
}

/**
 * The standard's document for our model. `applyLink` gives a role's public apply page as a
 * full URL; without one (the CLI with no --base-url) roles carry no applyLink.
 */
export function toVolunteeringDataStandard(
  model: VdsExport,
  applyLink?: (roleId: string) => string,
): VolunteeringDataStandardDocument {
  return {
    "@context": vdsContext,
    conformsTo: ns,
    publisher: urn(model.publisher.id),
    modified: model.generatedAt.slice(0, 10),
    "kith:formatVersion": model.formatVersion,
    graph: model.organisations.map((organisation) => organisationOf(organisation, applyLink)),
  };
}
