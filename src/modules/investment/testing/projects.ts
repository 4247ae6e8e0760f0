import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { createProject } from "../commands/create-project.ts";
import { createChangeTemplate, createTheme } from "../commands/define-strategy.ts";
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

/** For tests: one tenant, "P", at one in-depth session in Medway of the wellbeing project "Club". */
export async function oneTenantAtOneSession(db: Db, actor: Actor, now: Date, heldOn: string): Promise<void> {
  await createTheme(db, actor, now, { code: "wellbeing", name: "Wellbeing" });
  const projectId = await makeActiveProject(db, actor, now, { name: "Club", themeCodes: ["wellbeing"] });
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
