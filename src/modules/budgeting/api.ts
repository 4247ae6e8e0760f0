import { OpenAPIHono, z } from "@hono/zod-openapi";
import { requireAllowed } from "../../platform/access/policy.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { readRoute } from "../../platform/http/command-route.ts";
import { canViewProcesses } from "./policy.ts";
import { listProcesses } from "./queries/processes.ts";
import { getResults } from "./queries/results.ts";

const processSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    phase: z.enum(["proposals", "review", "voting", "results"]),
    ballotKind: z.enum(["approval", "knapsack", "cumulative"]),
    rule: z.enum(["greedy", "mes", "phragmen"]),
    utility: z.enum(["cost", "approval"]),
    completion: z.enum(["none", "add1", "add1-until-infeasible"]),
    tieBreaking: z.string(),
    votingOpen: z.string(),
    votingClose: z.string(),
    proposals: z.number(),
    ballots: z.number(),
  })
  .openapi("PbProcess");

const resultSchema = z
  .object({
    budgetId: z.uuid(),
    budgetName: z.string(),
    amountPence: z.number(),
    ballots: z.number(),
    rule: z.string(),
    utility: z.string(),
    completion: z.string(),
    tieBreaking: z.string(),
    selected: z.array(
      z.object({ reference: z.string(), title: z.string(), costPence: z.number(), votes: z.number() }),
    ),
    totalCostPence: z.number(),
    comparison: z.array(
      z.object({
        label: z.string(),
        selected: z.array(z.string()),
        totalCost: z.string(),
        fundedVoters: z.number(),
        totalVoters: z.number(),
      }),
    ),
  })
  .openapi("PbResult");

const tag = "Participatory budgeting";
const area = "budgeting";

export function budgetingApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  readRoute(api, {
    path: "/budgeting/processes",
    tag,
    area,
    summary: "List participatory budgeting processes",
    answer: { schema: z.object({ items: z.array(processSchema) }), description: "Processes" },
    run: async ({ db, actor }) => ({
      items: (await listProcesses(db, actor)).map((p) => processSchema.parse(p)),
    }),
  });
  readRoute(api, {
    path: "/budgeting/processes/{id}/results",
    tag,
    area,
    summary: "Published results of a process, per budget (exact; money in pence)",
    params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) }),
    answer: { schema: z.object({ items: z.array(resultSchema) }), description: "Results" },
    run: async ({ db, actor, params }) => {
      requireAllowed(canViewProcesses(actor), "Only staff can read results through the API.");
      const results = await getResults(db, actor.organisationId, params.id);
      const items = results.budgets.flatMap(({ budget, proposals, result }) => {
        if (!result) return [];
        const byRef = new Map(proposals.map((p) => [p.reference, p]));
        return [
          {
            budgetId: budget.id,
            budgetName: budget.name,
            amountPence: budget.amountPence,
            ballots: result.ballots,
            rule: result.rule,
            utility: result.utility,
            completion: result.completion,
            tieBreaking: result.tieBreaking,
            selected: result.outcome.selected.map((ref) => ({
              reference: ref,
              title: byRef.get(ref)?.title ?? ref,
              costPence: byRef.get(ref)?.finalCostPence ?? 0,
              votes: result.outcome.votes[ref] ?? 0,
            })),
            totalCostPence: Number(result.outcome.totalCost),
            comparison: result.comparison,
          },
        ];
      });
      return { items };
    },
  });
  return api;
}
