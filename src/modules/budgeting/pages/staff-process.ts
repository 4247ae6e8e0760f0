import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { requireActor } from "../../../platform/http/render.ts";
import { findProcess } from "../queries/processes.ts";

/**
 * What a staff page about one process starts from: the signed-in actor, the database and the process
 * named by the path's `:id`. The role is checked before the look-up, so a refused role gets 403 for
 * any id (issue 18 item 6), and another organisation's process is not found.
 */
export async function processForStaff(
  c: Context<AppEnv>,
  allowed: (actor: Actor) => boolean,
  refusal: string,
) {
  const actor = requireActor(c);
  requireAllowed(allowed(actor), refusal);
  const db = c.get("services").database.db;
  const process = await findProcess(db, actor.organisationId, c.req.param("id") ?? "");
  return { actor, db, process };
}
