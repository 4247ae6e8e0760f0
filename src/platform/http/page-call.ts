import type { Context } from "hono";
import type { Db } from "../db/database.ts";
import type { AppEnv } from "./app-env.ts";

// Every module command and query takes the database, the actor and the moment first (times come from
// the application, not now() in SQL, so a page and its test share one clock). A page handler reads
// the first and last from the request; this passes them so each handler names only the actor and
// what is particular to its call: the path's values, the form's input (issue 17).

/** The command or query a page calls: database, actor and moment first, then its own arguments. */
type ModuleCall<A, Rest extends unknown[], Result> = (db: Db, actor: A, now: Date, ...rest: Rest) => Result;

/**
 * Calls `run` with this request's database and clock, the actor the page checked, and `rest`.
 * The actor is passed in, not read here, because each page chooses its own check (staff, resident,
 * case worker) before anything runs.
 */
export function callForPage<A, Rest extends unknown[], Result>(
  c: Context<AppEnv>,
  run: ModuleCall<A, Rest, Result>,
  actor: A,
  ...rest: Rest
): Result {
  return run(c.get("services").database.db, actor, c.get("now"), ...rest);
}
