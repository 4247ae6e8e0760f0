import type { Answer, LifeRole } from "./schema.ts";

export type LifeAnswers = { need: Answer; bestPlaced: Answer; canResource: Answer };

/**
 * The LIFE decision matrix: is there a genuine need, are we best placed, can we resource it?
 * - no genuine need: Exit (stop, or do not start);
 * - best placed and able to resource it: Lead;
 * - not best placed: Follow (support whoever is);
 * - otherwise (best placed but short of resources, or only partly best placed): Influence others to act.
 */
export function lifeRole(answers: LifeAnswers): LifeRole {
  if (answers.need === "no") return "exit";
  if (answers.bestPlaced === "no") return "follow";
  if (answers.bestPlaced === "yes" && answers.canResource === "yes") return "lead";
  return "influence";
}

export const lifeRoleNames: Record<LifeRole, string> = {
  lead: "Lead",
  influence: "Influence",
  follow: "Follow",
  exit: "Exit",
};
