import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { fixedText } from "./fixed-text.ts";
import { appUser } from "./platform-schema.ts";

describe("fixed text", () => {
  it("renders a fragment once, to the text Drizzle would build, and reuses it", () => {
    let builds = 0;
    const fragment = () => {
      builds++;
      return sql`(SELECT u.name FROM ${appUser} u WHERE u.id = c.lead_officer_id) AS lead_officer`;
    };
    const fixed = fixedText(fragment);
    const dialect = new PgDialect();
    const expected = dialect.sqlToQuery(fragment());
    const first = dialect.sqlToQuery(sql`SELECT ${fixed()} FROM c WHERE c.id = ${"x"}`);
    expect(first.sql).toBe(`SELECT ${expected.sql} FROM c WHERE c.id = $1`);
    expect(first.params).toEqual(["x"]);
    expect(fixed()).toBe(fixed());
    expect(builds).toBe(2); // once for `expected`, once inside fixedText
  });

  it("refuses a fragment with parameters, whose values would be frozen into the text", () => {
    expect(() => fixedText(() => sql`x = ${1}`)()).toThrow(/has parameters/);
  });
});
