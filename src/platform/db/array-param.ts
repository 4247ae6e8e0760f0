import { type SQL, sql } from "drizzle-orm";

// A list bound as ONE parameter (a JSON array) rather than one parameter per item, so that a
// statement's text is the same whatever the list's length: the server can keep it prepared, and
// `column = ANY(...)` still uses the column's index.

/** A text[] from a list of strings, for `column = ANY(${textArray(list)})`. */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** A uuid[] from a list of ids (pass only valid UUIDs), for `column = ANY(${uuidArray(list)})`. */
export function uuidArray(values: readonly string[]): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
}
