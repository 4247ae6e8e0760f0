import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { deliveryFigures, type ThemeReach } from "./delivery-figures.ts";
import type { FigureFilter } from "./figures.ts";

export type { ThemeReach } from "./delivery-figures.ts";

/**
 * Reach per theme: the annual report's per-theme table. A person counts once per theme (in-depth if
 * any of their sessions under that theme was); a project with several themes counts under each.
 * Only the period and the area narrow it: every theme is shown, whatever theme or project is chosen.
 */
export async function reachByTheme(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<Map<string, ThemeReach>> {
  const { from, to, laCode } = filter;
  return (await deliveryFigures(db, actor, { from, to, laCode })).themes;
}
