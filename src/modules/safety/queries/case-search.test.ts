import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { listCases } from "./list-cases.ts";

// Case search at scale (issue 14): a reference found from any part of it through the trigram
// index (migration 0131) on both engines, with the searched text taken literally.

let database: Database;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  await database.query(
    `INSERT INTO safety_case (organisation_id, id, reference, workflow, category, nsir_type, counts_as_asb, location_type,
       la_code, status, summary, published_fields, safeguarding_flags, opened_on, source, legal_hold, created_at, updated_at)
     SELECT $1, gen_random_uuid(), CASE WHEN g = 1 THEN 'ODD-%%%-1' ELSE 'ASB-2026-' || lpad(g::text, 6, '0') END,
            'asb', 'noise', 'nuisance', true, 'open-space', 'E06000035', 'open', 'Bulk', '{}', '{}',
            DATE '2026-01-01', 'import', false, now(), now()
       FROM generate_series(1, 5000) AS g`,
    [organisationId],
  );
  await database.query("ANALYZE safety_case");
});

afterAll(async () => {
  await database.close();
});

describe("case search", () => {
  it("can find a reference from its middle through the trigram index", async () => {
    // A few thousand rows of one organisation are still cheaper to read whole: the plan with scans
    // ruled out shows the index answers the search (bench/safety.ts shows the planner choosing it at 100,000 cases).
    const plan = await database.withConnection(async (connection) => {
      await connection.execScript("SET enable_seqscan = off");
      try {
        return await connection.query<Record<string, string>>(
          "EXPLAIN SELECT id FROM safety_case WHERE reference ILIKE $1",
          ["%001234%"],
        );
      } finally {
        await connection.execScript("RESET enable_seqscan");
      }
    });
    expect(plan.map((row) => Object.values(row)[0]).join("\n")).toContain("safety_case_reference_trgm");
    const found = await listCases(database.db, actorFor(organisationId, "officer"), { search: "001234" });
    expect(found.rows.map((r) => r.reference)).toEqual(["ASB-2026-001234"]);
  });

  it("matches % and _ literally", async () => {
    const officer = actorFor(organisationId, "officer");
    const percent = await listCases(database.db, officer, { search: "%%%" });
    expect(percent.rows.map((r) => r.reference)).toEqual(["ODD-%%%-1"]);
    const underscore = await listCases(database.db, officer, { search: "2026_0" });
    expect(underscore.rows).toEqual([]);
  });
});
