import { lt } from "drizzle-orm";
import { date, PgDialect, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { matchInOrganisation } from "./match-in-organisation.ts";

const reminder = pgTable("reminder", {
  organisationId: uuid("organisation_id").notNull(),
  id: uuid("id").notNull(),
  status: text("status").notNull(),
  dueOn: date("due_on").notNull(),
});

const rendered = (where: Parameters<PgDialect["sqlToQuery"]>[0]) => new PgDialect().sqlToQuery(where);

describe("matchInOrganisation", () => {
  it("scopes to the organisation, matches each value on its column, then adds the further conditions", () => {
    const query = rendered(
      matchInOrganisation(reminder, "org-1", { id: "r-1", status: "due" }, lt(reminder.dueOn, "2026-12-07")),
    );
    expect(query.sql).toBe(
      '("reminder"."organisation_id" = $1 and "reminder"."id" = $2 and "reminder"."status" = $3 and "reminder"."due_on" < $4)',
    );
    expect(query.params).toEqual(["org-1", "r-1", "due", "2026-12-07"]);
  });

  it("refuses a missing value instead of dropping the condition", () => {
    const noValue = { status: undefined } as unknown as { status: string };
    expect(() => matchInOrganisation(reminder, "org-1", noValue)).toThrow("no value for reminder.status");
  });
});
