import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { changeTemplate } from "../schema.ts";
import { requireIndicatorCodes } from "./define-strategy.ts";

export type TheoryOfChange = { inputs: string; activities: string; outputs: string; outcomes: string };

/**
 * The theory of change a project keeps: its own text, or a copy of a template (copied so that a later
 * edit to the template does not rewrite the project's history), with the template's indicators added
 * to any the project chose. Every indicator code must exist.
 */
/** A project's theory-of-change columns, as stored. */
export function theoryOfChangeColumns(toc: TheoryOfChange) {
  return {
    tocInputs: toc.inputs,
    tocActivities: toc.activities,
    tocOutputs: toc.outputs,
    tocOutcomes: toc.outcomes,
  };
}

export async function resolveTheoryOfChange(
  tx: Db,
  organisationId: string,
  value: { changeTemplateId: string | null; theoryOfChange: TheoryOfChange | null; indicatorCodes: string[] },
): Promise<{ toc: TheoryOfChange; indicatorCodes: string[] }> {
  let toc = value.theoryOfChange ?? { inputs: "", activities: "", outputs: "", outcomes: "" };
  let indicatorCodes = value.indicatorCodes;
  if (value.changeTemplateId) {
    const [template] = await tx
      .select()
      .from(changeTemplate)
      .where(matchInOrganisation(changeTemplate, organisationId, { id: value.changeTemplateId }));
    if (!template)
      throw invalid("Check the theory of change.", {
        changeTemplateId: "That theory of change template was not found",
      });
    toc = {
      inputs: template.inputs,
      activities: template.activities,
      outputs: template.outputs,
      outcomes: template.outcomes,
    };
    indicatorCodes = [...new Set([...template.indicatorCodes, ...indicatorCodes])];
  }
  await requireIndicatorCodes(tx, organisationId, indicatorCodes);
  return { toc, indicatorCodes };
}
