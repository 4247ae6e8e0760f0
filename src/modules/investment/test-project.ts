import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { createTheme } from "./commands/define-strategy.ts";
import { recordSession } from "./commands/record-session.ts";
import { makeActiveProject } from "./testing/projects.ts";

/** For tests and benchmarks: one theme and one active service in Medway, ready for sessions. */
export async function makeLunchClub(db: Db, actor: Actor, now: Date): Promise<string> {
  await createTheme(db, actor, now, { code: "wellbeing", name: "Wellbeing", outcomes: ["Less isolated"] });
  return makeActiveProject(db, actor, now, {
    name: "Lunch club",
    kind: "service",
    themeCodes: ["wellbeing"],
    theoryOfChange: { inputs: "Hall", activities: "Lunch", outputs: "Meals", outcomes: "Friends" },
  });
}

/** For tests and benchmarks: a 90-minute light-touch session of the club in Medway; its id. */
export async function lunchClubSession(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  heldOn: string,
  title = "Lunch club",
): Promise<string> {
  const session = await recordSession(db, actor, now, {
    projectId,
    title,
    heldOn,
    durationMinutes: 90,
    depth: "light",
    laCode: "E06000035",
    lsoa21Code: null,
  });
  return session.id;
}
