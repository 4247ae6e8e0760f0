import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { systemActor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { oneTenantAtOneSession } from "../investment/testing/projects.ts";
import type { CliContext } from "../module.ts";
import { impactCli } from "./cli.ts";

let database: Database;
let dir: string;
let out: string[];
let err: string[];

function context(): CliContext {
  out = [];
  err = [];
  // The commands close the database when they finish; the test keeps it open for the next one.
  return {
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
    now: () => testNow,
    openDatabase: async () => ({ ...database, close: async () => {} }),
  };
}
async function run(words: string, args: string[]): Promise<number> {
  const command = impactCli.find((c) => c.words.join(" ") === words);
  if (!command) throw new Error(`no command ${words}`);
  return command.run(args, context());
}

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "kith-impact-cli-"));
  const org = await makeOrganisation(database.db);
  const actor = systemActor(org.id, "test");
  await oneTenantAtOneSession(database.db, actor, testNow, "2026-05-05");
});
afterAll(async () => database.close());

describe("kith impact and kith import value-bank", () => {
  it("prints every dashboard indicator as JSON", async () => {
    expect(await run("impact dashboard", ["--from", "2026-04-01", "--to", "2026-06-30", "--json"])).toBe(0);
    const dashboard = JSON.parse(out.join(""));
    expect(dashboard.residentsReached).toEqual({ total: 1, lightTouch: 0, inDepth: 1 });
    expect(dashboard.tenantsReached.total).toBe(1);
    for (const key of [
      "volunteerInput",
      "serviceUserInput",
      "servicesWithinBudget",
      "externalFundingSecuredPence",
      "investmentRatio",
      "priorityNeighbourhoods",
      "socialValue",
      "trend",
      "neighbourhoods",
    ]) {
      expect(dashboard).toHaveProperty(key);
    }
  });

  it("refuses an impossible date and a period that ends before it starts", async () => {
    expect(await run("impact dashboard", ["--from", "2026-02-30", "--to", "2026-06-30", "--json"])).toBe(2);
    expect(err.join("")).toContain("Give real dates");
    expect(await run("impact dashboard", ["--from", "2026-06-30", "--to", "2026-01-01", "--json"])).toBe(2);
    expect(err.join("")).toContain("is before --from");
  });

  it("writes the annual report as PDF and as HTML", async () => {
    const pdf = path.join(dir, "report.pdf");
    expect(await run("impact report", ["--year", "2026", "--out", pdf])).toBe(0);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");
    const page = path.join(dir, "report.html");
    expect(await run("impact report", ["--year", "2026", "--out", page])).toBe(0);
    expect(await readFile(page, "utf8")).toContain("social impact report 2026/27");
    expect(await run("impact report", ["--year", "2026", "--out", path.join(dir, "report.docx")])).toBe(2);
  });

  it("writes the report for one theme and one area", async () => {
    const page = path.join(dir, "wellbeing-medway.html");
    const args = ["--year", "2026", "--out", page, "--theme", "wellbeing", "--area", "E06000035"];
    expect(await run("impact report", args)).toBe(0);
    expect(await readFile(page, "utf8")).toContain("social impact report 2026/27 (Wellbeing theme, Medway)");
    expect(await run("impact report", ["--year", "2026", "--out", page, "--area", "Medway"])).toBe(2);
    expect(err.join("")).toContain("--area must be a local authority code");
    await expect(
      run("impact report", ["--year", "2026", "--out", page, "--theme", "gardening"]),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("imports a value bank file, and refuses a bad one with its line", async () => {
    const header =
      "code,name,category,deadweight_percent,under_25_london,under_25_outside_london,25_49_london,25_49_outside_london,50_plus_london,50_plus_outside_london,unknown_london,unknown_outside_london,excludes";
    const good = path.join(dir, "good.csv");
    await writeFile(good, `${header}\nA,Alpha,social,10,1,2,3,4,5,6,7,8,\n`);
    expect(await run("import value-bank", [good, "--source", "Test"])).toBe(2); // no price year
    expect(await run("import value-bank", [good, "--source", "Test", "--price-year", "2019"])).toBe(0);
    expect(out.join("")).toContain("Imported 1 outcomes at 2019 prices");
    const bad = path.join(dir, "bad.csv");
    await writeFile(bad, `${header}\nA,Alpha,social,10,1,2,3,4,,6,7,8,\n`);
    await expect(run("import value-bank", [bad, "--price-year", "2019"])).rejects.toMatchObject({
      status: 422,
      fieldErrors: { "file.1": "Line 2: the value for 50 and over, London (50_plus_london) is missing" },
    });
  });

  it("imports the GDP deflator series, and refuses a file with a missing year", async () => {
    const good = path.join(dir, "deflators.csv");
    await writeFile(good, "year,deflator\n2019-20,100\n2020-21,105.5\n2021-22,104.2\n");
    expect(await run("import deflators", [good, "--source", "Test series"])).toBe(0);
    expect(out.join("")).toContain("Imported the GDP deflator for 3 years, 2019 to 2021");
    expect(await run("import deflators", [good])).toBe(2); // no source
    const gap = path.join(dir, "gap.csv");
    await writeFile(gap, "year,deflator\n2019,100\n2021,104.2\n");
    await expect(run("import deflators", [gap, "--source", "Test"])).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        "year 2020": "The file has no deflator for 2020: the series must have every year from 2019 to 2021",
      },
    });
  });

  it("imports postcode district centroids, and refuses a file with a bad line, naming it", async () => {
    const good = path.join(dir, "centroids.csv");
    await writeFile(good, "district,latitude,longitude,la_code\nME4,51.38,0.53,E06000035\nct1,51.28,1.08,\n");
    expect(await run("import postcode-centroids", [good, "--source", "Test centroids"])).toBe(0);
    expect(out.join("")).toContain("Imported 2 postcode district centroids");
    const rows = await database.query<{ district: string; source: string }>(
      "SELECT district, source FROM postcode_district_centroid ORDER BY district",
    );
    expect(rows).toEqual([
      { district: "CT1", source: "Test centroids" },
      { district: "ME4", source: "Test centroids" },
    ]);
    const bad = path.join(dir, "bad-centroids.csv");
    await writeFile(bad, "district,latitude,longitude\nME5,51.35,0.55\nME7,51.3,200\n");
    await expect(run("import postcode-centroids", [bad])).rejects.toMatchObject({
      status: 422,
      fieldErrors: { "line 3": "the longitude of ME7 must be a number from -9 to 3 (the UK, WGS84 degrees)" },
    });
    expect(await database.query("SELECT 1 FROM postcode_district_centroid WHERE district = 'ME5'")).toEqual(
      [],
    );
    expect(await run("import postcode-centroids", [])).toBe(2);
  });
});
