import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { createProject } from "./commands/create-project.ts";
import { createTheme } from "./commands/define-strategy.ts";

/** For tests and benchmarks: one theme and one active service in Medway, ready for sessions. */
export async function makeLunchClub(db: Db, actor: Actor, now: Date): Promise<string> {
  await createTheme(db, actor, now, { code: "wellbeing", name: "Wellbeing", outcomes: ["Less isolated"] });
  const { id } = await createProject(db, actor, now, {
    name: "Lunch club",
    kind: "service",
    stage: "active",
    themeCodes: ["wellbeing"],
    areas: [{ laCode: "E06000035" }],
    need: "yes",
    bestPlaced: "yes",
    canResource: "yes",
    theoryOfChange: { inputs: "Hall", activities: "Lunch", outputs: "Meals", outcomes: "Friends" },
  });
  return id;
}
