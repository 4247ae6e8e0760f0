import type { SQL } from "drizzle-orm";
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import type { Db } from "./database.ts";

// A statement whose text never changes, its values written as named placeholders
// (`sql.placeholder("caseId")`). Drizzle renders it to text once, and each database handle keeps
// one prepared query for it (a named statement on PostgreSQL, as `.prepare(name)` gives a select).
// `db.execute(sql…)` would build the text again on every call (about 0.1 ms for the case page's
// 7 KB statement) and the statement cache would hash the new string again to find its name.
const dialect = new PgDialect();

/** Runs the statement `build` returns with `values` for its placeholders; its rows. */
export function preparedSql<Row>(
  name: string,
  build: () => SQL,
): (db: Db, values: Record<string, unknown>) => Promise<Row[]> {
  let query: ReturnType<PgDialect["sqlToQuery"]> | undefined;
  const byHandle = new WeakMap<Db, PgPreparedQuery<PreparedQueryConfig>>();
  return async (db, values) => {
    query ??= dialect.sqlToQuery(build());
    let prepared = byHandle.get(db);
    if (!prepared) {
      prepared = db._.session.prepareQuery(query, undefined, name, false);
      byHandle.set(db, prepared);
    }
    return ((await prepared.execute(values)) as { rows: Row[] }).rows;
  };
}
