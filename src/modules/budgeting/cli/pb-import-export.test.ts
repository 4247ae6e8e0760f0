import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { CliContext } from "../../module.ts";
import { parsePabulib } from "../pabulib/parse.ts";
import { computeOutcome } from "../rules/index.ts";
import { runPbExport, runPbImport } from "./pb-import-export.ts";

const dir = mkdtempSync(path.join(tmpdir(), "kith-pb-import-"));
const instance = "/work/shared/pb/instances/poland_warszawa_2018_aleksandrow.pb";

describe("kith pb import and export", () => {
  let database: Database;
  let organisation: string;
  let out = "";
  let err = "";
  const context = (): CliContext => ({
    // The command closes what it opens; the test keeps its database for the next case.
    openDatabase: async () => ({ ...database, close: async () => {} }),
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t) },
    now: () => testNow,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    organisation = (await makeOrganisation(database.db, "Pabulib Homes")).id;
  });
  afterAll(async () => database.close());

  it("imports a reference instance as a finished process whose MES result matches the engine", async () => {
    out = "";
    const code = await runPbImport(
      [instance, "--organisation", organisation, "--rule", "mes", "--completion", "add1"],
      context(),
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    const processId = /process ([0-9a-f-]{36})/.exec(out)?.[1] ?? "";
    const [row] = await database.query<{ phase: string; selected: string[] }>(
      "SELECT p.phase, r.outcome->'selected' AS selected FROM pb_process p JOIN pb_result r ON r.process_id = p.id WHERE p.id = $1",
      [processId],
    );
    const expected = computeOutcome(parsePabulib(readFileSync(instance, "utf8")), {
      rule: "mes",
      utility: "cost",
      completion: "add1",
    });
    expect(row.phase).toBe("results");
    expect(row.selected).toEqual(expected.selected);

    out = "";
    expect(await runPbExport([processId, "--organisation", organisation], context())).toBe(0);
    const exported = parsePabulib(out);
    const original = parsePabulib(readFileSync(instance, "utf8"));
    expect(exported.budget.toExactString()).toBe(original.budget.toExactString());
    expect(exported.ballots.length).toBe(original.ballots.length);
    expect(computeOutcome(exported, { rule: "mes", completion: "add1" }).selected).toEqual(expected.selected);
  });

  it("refuses a file with a cost that is not a number, naming the line, and imports nothing", async () => {
    const file = path.join(dir, "bad.pb");
    writeFileSync(
      file,
      "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;ten\nVOTES\nvoter_id;vote\n1;1\n",
    );
    const before = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM pb_process");
    err = "";
    expect(await runPbImport([file, "--organisation", organisation], context())).toBe(1);
    expect(err).toMatch(/Line 6/);
    expect(await database.query("SELECT count(*)::int AS n FROM pb_process")).toEqual(before);
    err = "";
    expect(await runPbImport([file, "--rule", "lottery"], context())).toBe(2);
    expect(err).toContain("Unknown rule");
  });
});
