import type { Connection } from "./database.ts";

// PostgreSQL plans joins from the statistics ANALYZE gathers. A server's autovacuum keeps
// them current, but PGlite runs no autovacuum: a never-analysed table plans as if it were
// tiny, and the impact dashboard's attendance join ran as nested loops for 10 s instead of
// a hash join in well under one. So Kith does autovacuum's analyse step itself, with the same
// idea of "stale": a table never analysed, or grown by more than a fifth since it last was.
// Growth is read from the table's size on disk against the page count ANALYZE recorded,
// which PGlite keeps exactly (its row counters are flushed too lazily to rely on).
const staleTables = `
  SELECT c.relname AS name
    FROM pg_class c
   WHERE c.relkind = 'r'
     AND c.relnamespace = 'public'::regnamespace
     AND (c.reltuples < 0 OR pg_relation_size(c.oid) / 8192 > c.relpages * 1.2 + 8)
   ORDER BY c.relname`;

/**
 * Analyses every table whose planner statistics are missing or stale, and returns their
 * names. Cheap when nothing changed (one catalogue query), so it runs after set-up, after
 * every seed and import, at start and on a timer.
 */
export async function refreshPlannerStatistics(connection: Connection): Promise<string[]> {
  const stale = await connection.query<{ name: string }>(staleTables);
  for (const { name } of stale) await connection.execScript(`ANALYZE "${name.replaceAll('"', '""')}"`);
  return stale.map((table) => table.name);
}
