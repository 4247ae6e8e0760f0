import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { importCases } from "../commands/import-cases.ts";
import { makeHomes, medway, type SafetyStaff, signedInSafetyStaff } from "../testing/fixtures.ts";

// The NM01 page's return download and the same-matter page, over HTTP without JavaScript.

let database: Database;
let staff: SafetyStaff;
let caseB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  await makeHomes(database, organisationId, medway, 4, 3000);
  await importCases(
    database.db,
    systemActor(organisationId, "test"),
    testNow,
    [
      "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports",
      "L-A,2025-05-01,,noise,,3000,P1:complainant,2025-05-01",
      "L-B,2025-05-03,,noise,,3000,P2:complainant,2025-05-03",
    ].join("\n"),
  );
  const [row] = await database.query<{ id: string }>(
    "SELECT id FROM safety_case WHERE organisation_id = $1 AND reference = 'L-B'",
    [organisationId],
  );
  caseB = row.id;
  staff = await signedInSafetyStaff(database, organisationId);
});

afterAll(async () => {
  await database.close();
});

describe("NM01 pages", () => {
  it("links a case as the same matter, showing a refusal beside the field first", async () => {
    const path = `/safety/cases/${caseB}/same-matter`;
    expect((await staff.officer.get(path)).status).toBe(200);
    const refused = await staff.officer.post(
      path,
      { sameAsReference: "L-B", reason: "duplicate" },
      {
        csrf: await staff.officer.csrfToken(path),
      },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("A case cannot be linked to itself");
    const linked = await staff.officer.post(
      path,
      { sameAsReference: "L-A", reason: "imported twice" },
      {
        csrf: await staff.officer.csrfToken(path),
      },
    );
    expect(linked.status).toBe(303);
    expect(await (await staff.officer.get(path)).text()).toContain("is linked as the same matter as L-A");
  });

  it("downloads numerator and denominator per area in the return layout", async () => {
    const response = await staff.officer.get("/safety/nm01.csv?from=2025-04-01&to=2026-03-31");
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "tsm_code,measure,period_start,period_end,area_code,area_name,numerator,denominator,result_per_1000_homes",
    );
    // L-B is linked to L-A: one case over 4 homes = 250.00 per 1,000 homes.
    expect(lines).toContain(
      "NM01(1)," +
        '"Anti-social behaviour cases opened per 1,000 homes",2025-04-01,2026-03-31,ALL,All areas,1,4,250.00',
    );
    expect(lines).toContain(
      'NM01(2),"Anti-social behaviour cases that involve hate incidents opened per 1,000 homes",2025-04-01,2026-03-31,E06000035,Medway,0,4,0.00',
    );
    expect(lines).toHaveLength(5);
  });

  it("downloads the cases behind the figure", async () => {
    const response = await staff.officer.get("/safety/nm01/cases.csv?from=2025-04-01&to=2026-03-31");
    expect((await response.text()).trim().split("\r\n")).toEqual([
      "case_reference,area_code,counted_on,counted_because,hate_incident,same_matter_cases",
      "L-A,E06000035,2025-05-01,opened,no,L-B",
    ]);
  });

  it("draws NM01 per local authority as a district map with a key, above the table", async () => {
    const page = await (await staff.officer.get("/safety/nm01?from=2025-04-01&to=2026-03-31")).text();
    const map = page.indexOf('<figure class="kith-chart-figure" id="nm01-map">');
    expect(map).toBeGreaterThan(-1);
    expect(map).toBeLessThan(page.indexOf("Homes owned at period end (denominator)"));
    expect(page).toContain("Medway is highest at 250.00.");
    // One outline (Medway, the only area with homes) in the top band of the key.
    expect(page.match(/<path d="M[^"]+" fill="#0f385c"/g)?.length).toBe(1);
    expect(page).toContain(">ASB cases per 1,000 homes</text>");
    expect(page).toMatch(/>Medway<\/th><td class="govuk-table__cell govuk-table__cell--numeric">250</);
  });
});
