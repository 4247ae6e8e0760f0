import type { Database } from "../src/platform/db/database.ts";

type QueryClient = { query: (...args: unknown[]) => Promise<unknown> };

/**
 * The statements sent to the database while `work` runs (the Drizzle handle's client, wrapped): how
 * the case page's tests count its statements and see their texts, on PGlite and on PostgreSQL.
 */
export async function statementsDuring<T>(
  database: Database,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const client = (database.db as unknown as { session: { client: QueryClient } }).session.client;
  const original = client.query;
  const statements: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    statements.push(typeof first === "string" ? first : String((first as { text?: string }).text));
    return original.apply(this, args);
  };
  try {
    return { result: await work(), statements };
  } finally {
    client.query = original;
  }
}
