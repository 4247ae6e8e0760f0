import {
  allowedTriggers,
  type DistributedTable,
  distributionColumn,
  notDistributed,
} from "./citus-tables.ts";
import type { Connection } from "./database.ts";

// What Citus needs of the schema when it shards on organisation_id, checked on the live
// catalogue (PGlite or PostgreSQL) rather than on the migration text, so every migration counts.

type TableRow = { name: string; has_organisation: boolean; organisation_nullable: boolean };
type KeyRow = {
  table_name: string;
  key_name: string;
  kind: string;
  definition: string;
  has_organisation: boolean;
};
type ForeignKeyRow = KeyRow & { referenced: string };

const tablesSql = `
SELECT c.relname AS name,
       a.attname IS NOT NULL AS has_organisation,
       coalesce(NOT a.attnotnull, false) AS organisation_nullable
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $1 AND NOT a.attisdropped
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
 ORDER BY c.relname`;

// Primary keys, unique constraints and unique indexes (an expression index such as
// lower(email) is a unique index without a constraint).
const uniqueKeysSql = `
SELECT t.relname AS table_name, i.relname AS key_name,
       CASE WHEN x.indisprimary THEN 'primary key' ELSE 'unique key' END AS kind,
       pg_get_indexdef(x.indexrelid) AS definition,
       EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = t.oid AND a.attname = $1 AND a.attnum = ANY (x.indkey::int2[])) AS has_organisation
  FROM pg_index x
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE n.nspname = 'public' AND x.indisunique
 ORDER BY 1, 2`;

const foreignKeysSql = `
SELECT t.relname AS table_name, con.conname AS key_name, 'foreign key' AS kind,
       pg_get_constraintdef(con.oid) AS definition, r.relname AS referenced,
       EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = con.conrelid AND a.attname = $1 AND a.attnum = ANY (con.conkey)) AS has_organisation
  FROM pg_constraint con
  JOIN pg_class t ON t.oid = con.conrelid
  JOIN pg_class r ON r.oid = con.confrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE n.nspname = 'public' AND con.contype = 'f'
 ORDER BY 1, 2`;

const sequencesSql = `
SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`;

const triggersSql = `
SELECT c.relname AS table_name, tg.tgname AS trigger_name
  FROM pg_trigger tg
  JOIN pg_class c ON c.oid = tg.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND NOT tg.tgisinternal
 ORDER BY 1, 2`;

export type CitusSchema = {
  distributed: DistributedTable[];
  /** Each rule the schema breaks, as one sentence naming the table and key. */
  problems: string[];
};

/** Reads the live schema and checks it against the Citus rules. */
export async function checkCitusRules(database: Connection): Promise<CitusSchema> {
  const tables = await database.query<TableRow>(tablesSql, [distributionColumn]);
  const uniqueKeys = await database.query<KeyRow>(uniqueKeysSql, [distributionColumn]);
  const foreignKeys = await database.query<ForeignKeyRow>(foreignKeysSql, [distributionColumn]);
  const sequences = await database.query<{ name: string }>(sequencesSql);
  const triggers = await database.query<{ table_name: string; trigger_name: string }>(triggersSql);

  const problems: string[] = [];
  const existing = new Set(tables.map((table) => table.name));
  const isDistributed = (name: string) => existing.has(name) && !(name in notDistributed);
  for (const name of Object.keys(notDistributed))
    if (!existing.has(name))
      problems.push(`${name} is listed in citus-tables.ts but no migration creates it`);
  for (const table of tables) {
    if (!isDistributed(table.name)) continue;
    if (!table.has_organisation)
      problems.push(
        `${table.name} has no ${distributionColumn}: add it, or list the table as reference or local in citus-tables.ts`,
      );
    else if (table.organisation_nullable)
      problems.push(`${table.name}.${distributionColumn} may be null; a distribution column cannot be`);
  }
  // A table without the column is reported once above, not once per key.
  const sharded = new Set(tables.filter((table) => table.has_organisation).map((table) => table.name));
  for (const key of uniqueKeys)
    if (isDistributed(key.table_name) && sharded.has(key.table_name) && !key.has_organisation)
      problems.push(
        `${key.table_name}: ${key.kind} ${key.key_name} lacks ${distributionColumn} (${key.definition})`,
      );
  for (const key of foreignKeys) {
    const from = isDistributed(key.table_name);
    const to = isDistributed(key.referenced);
    if (from && to && !key.has_organisation)
      problems.push(
        `${key.table_name}: foreign key ${key.key_name} lacks ${distributionColumn} (${key.definition})`,
      );
    if (!from && to)
      problems.push(
        `${key.table_name} is ${notDistributed[key.table_name]?.placement} but its foreign key ${key.key_name} points at organisation data (${key.referenced})`,
      );
    if (from && notDistributed[key.referenced]?.placement === "local")
      problems.push(
        `${key.table_name}: foreign key ${key.key_name} points at ${key.referenced}, a local table; Citus allows only reference tables there`,
      );
  }
  for (const sequence of sequences)
    problems.push(`sequence ${sequence.name}: ids are UUIDs made by the application, not sequences`);
  for (const trigger of triggers) {
    const managed = notDistributed[trigger.table_name]?.placement !== "local";
    const allowed = allowedTriggers[trigger.table_name]?.includes(trigger.trigger_name) ?? false;
    if (managed && !allowed)
      problems.push(
        `trigger ${trigger.trigger_name} on ${trigger.table_name}: Citus runs triggers on shards only with citus.enable_unsafe_triggers; do the work in the command, or add it to allowedTriggers with the reason`,
      );
  }

  const distributed = tables
    .filter((table) => isDistributed(table.name))
    .map((table) => ({
      name: table.name,
      references: [
        ...new Set(foreignKeys.filter((key) => key.table_name === table.name).map((key) => key.referenced)),
      ],
    }));
  return { distributed, problems };
}
