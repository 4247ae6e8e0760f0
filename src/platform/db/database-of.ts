import type { Database, Db } from "./database.ts";

// Commands take the Drizzle handle, but a few need the connection underneath it (COPY, one
// session for a staged import). Each opened database registers its handle here, so such a
// command can find the database its handle belongs to without changing its signature.
const opened = new WeakMap<Db, Database>();

export function registerDatabase<T extends Database>(database: T): T {
  opened.set(database.db, database);
  return database;
}

/** The database a Drizzle handle was opened from; refuses a transaction's handle, which has none. */
export function databaseOf(db: Db): Database {
  const database = opened.get(db);
  if (!database) throw new Error("This needs the database's own handle, not a transaction's.");
  return database;
}
