import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandBody, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { readJsonBody } from "./api-body.ts";
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

const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

/** Changes to a project or the strategy after creation: the same commands as the edit pages. */
export function addEditRoutes(api: OpenAPIHono<AppEnv>): void {
  const edit = (path: string, summary: string, name: string, input: z.ZodType, run: Edit) =>
    api.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["Community investment"],
        summary,
        request: {
          params: idParam,
          body: commandBody(name, input, "See docs/impact.md"),
        },
        responses: {
          200: {
            description: "Saved",
            content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
          },
          ...problemResponses,
        },
      }),
      async (c) => {
        const actor = requireApiActor(c, "investment", "write");
        const result = await run(
          c.get("services").database.db,
          actor,
          c.get("now"),
          c.req.valid("param").id,
          await readJsonBody(c),
        );
        return c.json((result ?? {}) as Record<string, unknown>, 200);
      },
    );
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
