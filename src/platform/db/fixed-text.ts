import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

// Drizzle builds a statement's text from its template on every call: walking each fragment, each
// table and column reference. For a large fragment with no parameters (the case page's dozen child
// lists) that text never changes, so it is rendered once and reused as raw SQL.
const dialect = new PgDialect();

/** The fragment `build` returns, rendered to text on first use and reused after. It must have no parameters. */
export function fixedText(build: () => SQL): () => SQL {
  let text: SQL | undefined;
  return () => {
    if (!text) {
      const query = dialect.sqlToQuery(build());
      if (query.params.length > 0) throw new Error("fixedText: the fragment has parameters");
      text = sql.raw(query.sql);
    }
    return text;
  };
}
