import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCliContext } from "../../../test/cli-context.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import { safetyCli } from "./cli.ts";
import { maidstone, makeHomes, medway } from "./testing/fixtures.ts";

let database: Database;
let dir: string;

function command(words: string) {
  const found = safetyCli.find((c) => c.words.join(" ") === words);
  if (!found) throw new Error(`no command ${words}`);
  return found;
}

async function run(words: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { context, output } = testCliContext(database);
  const code = await command(words).run(args, context);
  return { code, ...output };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  await makeHomes(database, organisationId, medway, 2, 100);
  await makeHomes(database, organisationId, maidstone, 3, 200);
  dir = await mkdtemp(path.join(tmpdir(), "kith-safety-cli-"));
});

afterAll(async () => {
  await database.close();
});

describe("kith import cases and kith safety nm01", () => {
  it("imports a file and prints NM01 as JSON by area and in total", async () => {
    const file = path.join(dir, "cases.csv");
    await writeFile(
      file,
      [
        "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports",
        "C-1,2025-05-01,2025-05-10,noise,,100,P1:complainant;P2:perpetrator,2025-05-01;2025-06-01",
        "C-2,2025-06-01,,Harassment threats or intimidation,,200,P3:complainant,2025-06-01",
        'C-3,2025-07-01,,hate-incident,disability,201,"P4:victim:Ann O\'Neil",',
      ]
        .join("\n")
        .replace("Harassment threats or intimidation", '"Harassment, threats or intimidation"'),
    );
    const imported = await run("import cases", [file]);
    expect(imported).toMatchObject({ code: 0, stderr: "" });
    expect(imported.stdout).toContain("Imported 3 cases with 4 parties and 4 reports");
    const result = await run("safety nm01", ["--from", "2025-04-01", "--to", "2026-03-31", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.areas).toEqual([
      {
        laCode: maidstone,
        laName: "Maidstone",
        homes: 3,
        cases: 2,
        hateCases: 1,
        casesPer1000Homes: 666.67,
        hateCasesPer1000Homes: 333.33,
      },
      {
        laCode: medway,
        laName: "Medway",
        homes: 2,
        cases: 2,
        hateCases: 0,
        casesPer1000Homes: 1000,
        hateCasesPer1000Homes: 0,
      },
    ]);
    expect(report.total).toEqual({
      homes: 5,
      cases: 4,
      hateCases: 1,
      casesPer1000Homes: 800,
      hateCasesPer1000Homes: 200,
    });
  });

  it("reports bad rows with their lines and imports nothing", async () => {
    const file = path.join(dir, "bad.csv");
    await writeFile(
      file,
      "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports\nD-1,2025-05-01,,noise,,100,P1:complainant,\nD-2,yesterday,,noise,,100,P1:complainant,\n",
    );
    const result = await run("import cases", [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3, opened_on: "yesterday" is not a date');
    const rows = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_case WHERE reference = 'D-1'",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("explains a missing or wrong period", async () => {
    expect((await run("safety nm01", ["--from", "2025-04-01"])).code).toBe(2);
    // kith's runner prints a Problem's title and field messages and exits 1.
    await expect(
      run("safety nm01", ["--from", "2025-04-01", "--to", "2025-13-01", "--json"]),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { to: "Enter the end date as YYYY-MM-DD, like 2026-03-31" },
    });
  });
});
