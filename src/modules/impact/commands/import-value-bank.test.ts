import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createTheme, recordOutcome, registerParticipant } from "../../investment/index.ts";
import { makeActiveProject } from "../../investment/testing/projects.ts";
import { valueBankClaimCheck } from "../claim-check.ts";
import { listValueBanks, loadActiveBank } from "../queries/value-bank.ts";
import { parseValueBankCsv, poundsToPence } from "../value-bank/csv-format.ts";
import { importValueBank, installOpenDefaultBank } from "./import-value-bank.ts";

const header =
  "code,name,category,deadweight_percent,under_25_london,under_25_outside_london,25_49_london,25_49_outside_london,50_plus_london,50_plus_outside_london,unknown_london,unknown_outside_london,excludes";
const details = { name: "Licensed bank", source: "Our licence", licence: "Licensed to us", priceYear: 2024 };

let database: Database;
let manager: Actor;
let officer: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  manager = actorFor(org.id, "manager");
  officer = actorFor(org.id, "officer");
});
afterAll(async () => database.close());

describe("value-bank file", () => {
  it("reads pounds into exact pence", () => {
    expect(poundsToPence("14,433.5")).toBe(1_443_350);
    expect(poundsToPence("0.07")).toBe(7);
    expect(poundsToPence("12.345")).toBeNull();
    expect(poundsToPence("-3")).toBe(-300);
  });

  it("names a missing age-band column", () => {
    const result = parseValueBankCsv(
      `${header.replace(",25_49_outside_london", "")}\nA,A,x,0,1,1,1,1,1,1,1,\n`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        "Line 1: the column 25_49_outside_london (the value for 25 to 49, outside London) is missing",
      ]);
  });

  it("reports every bad line: an empty age-band value, a negative value, an unknown exclusion", () => {
    const result = parseValueBankCsv(
      `${header}\nA,Alpha,social,10,1,,1,1,1,1,1,1,\nB,Beta,social,10,1,1,1,1,-5.00,1,1,1,ZZZ\n`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain(
        "Line 2: the value for under 25, outside London (under_25_outside_london) is missing",
      );
      expect(result.errors).toContain("Line 3: the value for 50 and over, London cannot be negative (-5.00)");
      expect(result.errors).toContain("Line 3: B excludes ZZZ, which is not an outcome in this file");
    }
  });

  it("refuses two deadweights for one category", () => {
    const result = parseValueBankCsv(
      `${header}\nA,Alpha,social,10,1,1,1,1,1,1,1,1,\nB,Beta,social,15,1,1,1,1,1,1,1,1,\n`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatch(/Line 3: the deadweight for social is 15%, but line 2 says 10%/);
  });
});

describe("importing a value bank", () => {
  it("saves nothing from a file with a bad line", async () => {
    const problem = await problemOf(
      importValueBank(
        database.db,
        manager,
        testNow,
        `${header}\nA,Alpha,social,10,1,1,1,1,1,1,1,1,\nB,Beta,social,10,1,1,x,1,1,1,1,1,\n`,
        details,
      ),
    );
    expect(problem.status).toBe(422);
    expect(Object.values(problem.fieldErrors ?? {})).toEqual([
      'Line 3: the value for 25 to 49, London must be an amount in pounds, like 1234.56, not "x"',
    ]);
    expect(await listValueBanks(database.db, manager)).toHaveLength(0);
  });

  it("does not let an officer change the value bank", async () => {
    const problem = await problemOf(installOpenDefaultBank(database.db, officer, testNow));
    expect(problem.status).toBe(403);
  });

  it("installs the open default bank at £13,000 per WELLBY, then replaces it with an import", async () => {
    await installOpenDefaultBank(database.db, manager, testNow);
    const open = await loadActiveBank(database.db, manager.organisationId);
    // Less often lonely: 0.4 WELLBY × £13,000 = £5,200.
    expect(open?.rules.outcomes.get("SOC-LONELY")?.values["50-plus"]["outside-london"]).toBe(520_000);
    expect(open?.bank.source).toContain("£13,000 per WELLBY");
    const imported = await importValueBank(
      database.db,
      manager,
      testNow,
      `${header}\nA,Alpha,social,10,1,2,3,4,5,6,7,8,B\nB,Beta,social,10,1,1,1,1,1,1,1,1,\n`,
      details,
    );
    expect(imported.outcomes).toBe(2);
    const active = await loadActiveBank(database.db, manager.organisationId);
    expect(active?.bank.name).toBe("Licensed bank");
    expect(active?.rules.outcomes.get("A")?.values.unknown["outside-london"]).toBe(800);
    expect(active?.rules.exclusions.has("B|A")).toBe(true);
    expect((await listValueBanks(database.db, manager)).filter((b) => b.active)).toHaveLength(1);
  });

  it("refuses an outcome that would double count with an excluded pair for the same person", async () => {
    const db = database.db;
    await createTheme(db, manager, testNow, { code: "t", name: "T" });
    const projectId = await makeActiveProject(db, manager, testNow, { name: "P", themeCodes: ["t"] });
    const participantId = (
      await registerParticipant(db, officer, testNow, { externalRef: "x1", displayName: "X" })
    ).id;
    const claim = (valueCode: string, achievedOn: string) =>
      recordOutcome(
        db,
        officer,
        testNow,
        { participantId, projectId, valueCode, achievedOn, evidence: "Survey" },
        { claimCheck: valueBankClaimCheck },
      );
    await claim("A", "2026-03-01");
    const problem = await problemOf(claim("B", "2026-06-01"));
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.valueCode).toMatch(
      /already has "Alpha" \(2026-03-01\), which draws on the same area of benefit as "Beta"/,
    );
    const unknown = await problemOf(claim("NOPE", "2026-06-01"));
    expect(unknown.fieldErrors?.valueCode).toMatch(/NOPE is not an outcome in the value bank/);
  });
});
