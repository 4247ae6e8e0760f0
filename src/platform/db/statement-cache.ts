import { createHash } from "node:crypto";

// PostgreSQL parses and plans an unnamed statement every time it is sent. At a million cases the
// case page spent more time in parse and bind (36 ms) than in execution (19 ms). node-postgres
// prepares a statement once per connection when the query has a `name`; this names the hot ones.
//
// A statement becomes hot on its second use in this process. Its name is derived from its text,
// so one name always means one text (node-postgres refuses a name reused with another text), and
// every connection of the pool prepares it on first use and reuses it afterwards. Only statements
// with parameters are named (transaction control and scripts stay unnamed), and the number of
// names is capped, so a statement whose text varies cannot fill the server's memory. PGlite runs
// in this process with one session: there is no network round trip or per-statement plan cache
// to gain, and its query() always uses the unnamed statement.

export type StatementCacheOptions = { threshold?: number; capacity?: number };

type QueryConfig = { text: string; name?: string; values?: unknown[] } & Record<string, unknown>;

export type StatementNamer = (text: string, values: unknown[] | undefined) => string | undefined;

/** Decides which statements to prepare, and their names. */
export function statementNamer(options: StatementCacheOptions = {}): StatementNamer {
  const threshold = options.threshold ?? 2;
  const capacity = options.capacity ?? 500;
  const uses = new Map<string, number>();
  const names = new Map<string, string>();
  return (text, values) => {
    if (!values || values.length === 0) return undefined;
    const known = names.get(text);
    if (known) return known;
    if (names.size >= capacity) return undefined;
    const count = (uses.get(text) ?? 0) + 1;
    // Forget the counts now and then: texts seen once each must not accumulate forever.
    if (uses.size >= capacity * 20) uses.clear();
    uses.set(text, count);
    if (count < threshold) return undefined;
    uses.delete(text);
    const name = `kith_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
    return name;
  };
}

type Queryable = { query: (...args: unknown[]) => unknown };

/** Makes a node-postgres client send hot statements as named (prepared) ones. */
export function prepareHotStatements(client: Queryable, nameFor: StatementNamer): void {
  const original = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === "string" && Array.isArray(second)) {
      const name = nameFor(first, second);
      if (name) return original({ name, text: first, values: second }, ...args.slice(2));
    } else if (first && typeof first === "object" && typeof (first as QueryConfig).text === "string") {
      const config = first as QueryConfig;
      const values = Array.isArray(second) ? second : config.values;
      const name = config.name ? undefined : nameFor(config.text, values);
      if (name) return original({ ...config, name }, ...args.slice(1));
    }
    return original(...args);
  };
}
