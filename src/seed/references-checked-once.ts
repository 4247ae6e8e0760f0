import type { Database } from "../platform/db/database.ts";

type ForeignKey = {
  conname: string;
  child: string;
  parent: string;
  child_columns: string[];
  parent_columns: string[];
};

/**
 * Runs the demo seed's bulk writes into `tables` with PostgreSQL's row-by-row foreign-key checks
 * off, then checks every foreign key of those tables once, set-based: one anti-join a key, which
 * is how `ALTER TABLE … ADD FOREIGN KEY` and pg_restore check a bulk load. A row-by-row check is a
 * query and a row lock per row per key: on PGlite about half the CPU of writing the demo's people
 * and most of writing its volunteers' hours. A reference to nothing still fails the seed.
 *
 * Only on PGlite: it is one session that nobody else uses while it is seeded (the first run builds
 * in a folder of its own, `kith seed demo` holds the lock file), so no delete can come between the
 * check and the rows' use, and its user is a superuser, which session_replication_role needs. On
 * PostgreSQL, where the server's role may not set it and other sessions may be writing, the rows
 * are checked one by one as usual.
 */
export async function withReferencesCheckedOnce<T>(
  database: Database,
  tables: string[],
  work: () => Promise<T>,
): Promise<T> {
  if (database.kind !== "pglite") return work();
  // "replica" turns off triggers, the foreign keys' included; the only other triggers guard the
  // audit log against UPDATE and DELETE, which a seed's inserts never do.
  await database.execScript("SET session_replication_role = replica");
  let result: T;
  try {
    result = await work();
  } finally {
    await database.execScript("RESET session_replication_role");
  }
  await checkForeignKeys(database, tables);
  return result;
}

/** Throws if any row of `tables` points at a row that does not exist (MATCH SIMPLE, as declared). */
export async function checkForeignKeys(database: Database, tables: string[]): Promise<void> {
  const keys = await database.query<ForeignKey>(
    `SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
       ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS child_columns,
       ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS parent_columns
     FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
     ORDER BY 2, 1`,
    [tables],
  );
  for (const key of keys) {
    const present = key.child_columns.map((column) => `c.${column} IS NOT NULL`).join(" AND ");
    const matches = key.child_columns
      .map((column, i) => `p.${key.parent_columns[i]} = c.${column}`)
      .join(" AND ");
    const [orphan] = await database.query(
      `SELECT 1 FROM ${key.child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${matches}) LIMIT 1`,
    );
    if (orphan)
      throw new Error(
        `The seed wrote a row of ${key.child} that breaks ${key.conname}: it points at nothing`,
      );
  }
}
