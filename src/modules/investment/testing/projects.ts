import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { createProject } from "../commands/create-project.ts";
import { createChangeTemplate, createIndicator, createTheme } from "../commands/define-strategy.ts";
import { recordOutcome } from "../commands/record-outcome.ts";
import { recordAttendance, recordSession } from "../commands/record-session.ts";
import { registerParticipant } from "../commands/register-participant.ts";
import type { ProjectInput } from "../inputs.ts";

/**
 * The answers most tests give alike: active in Medway, needed, ours to run and resourced, with a
 * placeholder theory of change (a chosen template replaces it, as it would for a real project).
 */
const activeInMedway = {
  kind: "project",
  stage: "active",
  areas: [{ laCode: "E06000035" }],
  need: "yes",
  bestPlaced: "yes",
  canResource: "yes",
  theoryOfChange: { inputs: "i", activities: "a", outputs: "o", outcomes: "c" },
} satisfies Partial<ProjectInput>;

/** For tests: an active project in Medway with the test's own name and themes; any answer can be changed. */
export async function makeActiveProject(
  db: Db,
  actor: Actor,
  now: Date,
  project: Pick<ProjectInput, "name" | "themeCodes"> & Partial<ProjectInput>,
): Promise<string> {
  return (await createProject(db, actor, now, { ...activeInMedway, ...project })).id;
}

/** For tests: the wellbeing theme and an active project in it, with the test's own name and answers. */
export async function makeWellbeingProject(
  db: Db,
  actor: Actor,
  now: Date,
  project: Pick<ProjectInput, "name"> & Partial<ProjectInput>,
): Promise<string> {
  await createTheme(db, actor, now, { code: "wellbeing", name: "Wellbeing" });
  return makeActiveProject(db, actor, now, { themeCodes: ["wellbeing"], ...project });
}

/** For tests: the job club whose outcomes are followed up after 6 and 12 months. */
export function makeJobClub(db: Db, actor: Actor, now: Date): Promise<string> {
  return makeWellbeingProject(db, actor, now, {
    name: "Job club",
    theoryOfChange: { inputs: "a", activities: "b", outputs: "c", outcomes: "d" },
    followUpMonths: [6, 12],
  });
}

/** For tests: a new participant, "Resident REF", with one outcome of the project (evidence: a survey). */
export async function residentOutcome(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  ref: string,
  achievedOn: string,
): Promise<string> {
  const participant = await registerParticipant(db, actor, now, {
    externalRef: ref,
    displayName: `Resident ${ref}`,
  });
  return (
    await recordOutcome(db, actor, now, {
      participantId: participant.id,
      projectId,
      achievedOn,
      evidence: "Survey",
    })
  ).id;
}

/** For tests: one tenant, "P", at one in-depth session in Medway of the wellbeing project "Club". */
export async function oneTenantAtOneSession(db: Db, actor: Actor, now: Date, heldOn: string): Promise<void> {
  const projectId = await makeWellbeingProject(db, actor, now, { name: "Club" });
  const participant = await registerParticipant(db, actor, now, {
    externalRef: "p1",
    displayName: "P",
    tenant: true,
  });
  const session = await recordSession(db, actor, now, {
    projectId,
    title: "S",
    heldOn,
    durationMinutes: 60,
    depth: "in-depth",
    laCode: "E06000035",
  });
  await recordAttendance(db, actor, now, session.id, { attendees: [{ participantId: participant.id }] });
}

/**
 * For tests: the strategy a lunch club serves: the wellbeing theme with its outcome "Residents are
 * less isolated", the indicator W1 (with any targets or outcome the test gives it), and the
 * "Social connection" theory-of-change template that measures W1. Returns the template's id.
 */
export async function makeSocialConnectionStrategy(
  db: Db,
  actor: Actor,
  now: Date,
  indicator: Pick<Parameters<typeof createIndicator>[3], "outcomeName" | "targets"> = {},
): Promise<string> {
  await createTheme(db, actor, now, {
    code: "wellbeing",
    name: "Promoting wellbeing and preventing crisis",
    outcomes: ["Residents are less isolated"],
  });
  await createIndicator(db, actor, now, {
    themeCode: "wellbeing",
    code: "W1",
    name: "Residents reporting less loneliness",
    level: "individual",
    unit: "count",
    ...indicator,
  });
  const template = await createChangeTemplate(db, actor, now, {
    name: "Social connection",
    inputs: "Staff time, hall hire",
    activities: "Weekly lunch club",
    outputs: "Sessions held, attendances",
    outcomes: "Less isolation",
    indicatorCodes: ["W1"],
  });
  return template.id;
}

/** For tests: a theory-of-change template "T" whose text no assertion reads. */
export async function makePlainTemplate(db: Db, actor: Actor, now: Date): Promise<string> {
  const template = await createChangeTemplate(db, actor, now, {
    name: "T",
    inputs: "i",
    activities: "a",
    outputs: "o",
    outcomes: "c",
  });
  return template.id;
}
