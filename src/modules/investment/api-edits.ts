import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, idParam } from "../../platform/http/command-route.ts";
import { addSteeringMember, answerLifeMatrix, changeTheoryOfChange } from "./commands/edit-project.ts";
import { addThemeOutcome, changeIndicator, setIndicatorTarget } from "./commands/edit-strategy.ts";
import {
  indicatorChangeInput,
  lifeAnswersInput,
  outcomeNameInput,
  theoryOfChangeInput,
} from "./edit-inputs.ts";
import { indicatorTargetInput, steeringMemberInput } from "./inputs.ts";

type Edit = (db: Db, actor: Actor, now: Date, id: string, input: unknown) => Promise<unknown>;

/** Changes to a project or the strategy after creation: the same commands as the edit pages. */
export function addEditRoutes(api: OpenAPIHono<AppEnv>): void {
  const edit = (path: string, summary: string, name: string, schema: z.ZodType, run: Edit) =>
    commandRoute(api, {
      method: "post",
      path,
      tag: "Community investment",
      area: "investment",
      summary,
      params: idParam,
      input: { name, schema, description: "See docs/impact.md" },
      answer: { status: 200, schema: z.record(z.string(), z.unknown()), description: "Saved" },
      run: async ({ db, actor, now, params, body }) =>
        (await run(db, actor, now, String(params.id), body)) ?? {},
    });
  edit(
    "/investment/projects/{id}/theory-of-change",
    "Rewrite a project's theory of change, or apply a template (changeTemplateId)",
    "TheoryOfChangeInput",
    theoryOfChangeInput,
    changeTheoryOfChange,
  );
  edit(
    "/investment/projects/{id}/life",
    "Answer the LIFE matrix again (need, bestPlaced, canResource)",
    "LifeInput",
    lifeAnswersInput,
    answerLifeMatrix,
  );
  edit(
    "/investment/projects/{id}/steering",
    "Add a steering group member (name, role, localPerson)",
    "SteeringMemberInput",
    steeringMemberInput,
    addSteeringMember,
  );
  edit(
    "/investment/themes/{id}/outcomes",
    "Add an intended outcome to a theme (name; managers)",
    "OutcomeNameInput",
    outcomeNameInput,
    addThemeOutcome,
  );
  edit(
    "/investment/indicators/{id}",
    "Change an indicator's name, options-map level or unit (managers)",
    "IndicatorChangeInput",
    indicatorChangeInput,
    changeIndicator,
  );
  edit(
    "/investment/indicators/{id}/targets",
    "Set the baseline and target of an indicator for a period (period, baseline, target; managers)",
    "IndicatorTargetInput",
    indicatorTargetInput,
    setIndicatorTarget,
  );
}
