import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { requireReferences } from "../../../platform/db/scope.ts";
import { listFrameworkOutcomes } from "../../investment/index.ts";
import type { ProgrammeOutcome } from "../schema.ts";

/** "resilient-communities" → "RC": a short code prefix from a framework theme's code. */
export function themeInitials(themeCode: string): string {
  return (
    themeCode
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => word.length > 0)
      .map((word) => word[0]?.toUpperCase())
      .join("")
      .slice(0, 6) || "OF"
  );
}

/**
 * Turns the framework outcomes a manager picked into programme outcomes. Each must exist in
 * the organisation's framework (anything else is refused, never silently dropped). Codes are
 * the theme's initials and a number, skipping codes the programme already uses.
 */
export async function frameworkProgrammeOutcomes(
  db: Db,
  actor: Actor,
  ids: string[],
  existing: ProgrammeOutcome[],
): Promise<ProgrammeOutcome[]> {
  const found = await requireReferences(
    ids,
    (unique) => listFrameworkOutcomes(db, actor, unique),
    "frameworkOutcomeIds",
    "Choose outcomes from your organisation's outcome framework",
  );
  const used = new Set(existing.map((outcome) => outcome.code));
  return found.map((outcome) => {
    const prefix = themeInitials(outcome.themeCode);
    let number = 1;
    while (used.has(`${prefix}-${number}`)) number++;
    const code = `${prefix}-${number}`;
    used.add(code);
    return { code, title: outcome.name, frameworkOutcomeId: outcome.id, frameworkTheme: outcome.themeName };
  });
}
