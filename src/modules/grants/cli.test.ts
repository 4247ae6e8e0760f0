import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import type { CliContext } from "../module.ts";
import { grantsCli } from "./cli.ts";
import { approveDirectAward, proposeDirectAward } from "./commands/direct-awards.ts";
import { directAwardInput, type GrantPeople, grantPeople } from "./test-support.ts";

// `kith grants export` as the outside checks run it, on the test database.

let database: Database;
let people: GrantPeople;
const out = path.join(tmpdir(), `kith-grants-cli-${process.pid}`);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const context: CliContext = {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    now: () => testNow,
    // The command closes what it opens; the test keeps its database for the next case.
    openDatabase: async () => ({ ...database, close: async () => {} }),
  };
  const command = grantsCli.find((c) => c.words.join(" ") === "grants export");
  if (!command) throw new Error("grants export is not registered");
  const code = await command.run(args, context);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  people = await grantPeople(database.db, org.id);
  const officer = actorFor(org.id, "officer");
  const manager = actorFor(org.id, "manager");
  const charityWithoutNumber = directAwardInput(people, {
    recipientName: "Numberless Trust",
    charityNumber: "",
  });
  for (const input of [directAwardInput(people), charityWithoutNumber]) {
    await approveDirectAward(
      database.db,
      manager,
      testNow,
      (await proposeDirectAward(database.db, officer, testNow, input)).id,
    );
  }
});
afterAll(async () => {
  await rm(`${out}.json`, { force: true });
  await rm(`${out}.csv`, { force: true });
  await database?.close();
});

describe("kith grants export", () => {
  it("writes 360Giving JSON that validates, warning about the charity without a number", async () => {
    const result = await run([
      "--format",
      "360giving-json",
      "--out",
      `${out}.json`,
      "--validate",
      "--prefix",
      "360G-test",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Wrote 2 grants (£180,000.00 awarded)");
    expect(result.stdout).toContain("Valid against the 360Giving schema and codelists: 0 errors.");
    expect(result.stderr).toContain(
      "Numberless Trust is a charity but has no charity number; exported without it",
    );
    const data = JSON.parse(await readFile(`${out}.json`, "utf8")) as { grants: { id: string }[] };
    expect(data.grants.every((grant) => grant.id.startsWith("360G-test-GR-"))).toBe(true);
    expect(result.stderr).toContain("Data Source: No register web address is set");
  });

  it("names the register's address as every grant's data source, and refuses one that is not a web address", async () => {
    const bad = await run([
      "--format",
      "360giving-json",
      "--out",
      `${out}-src.json`,
      "--source-url",
      "my website",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The source URL "my website" is not a web address');
    const good = await run([
      "--format",
      "360giving-json",
      "--out",
      `${out}-src.json`,
      "--source-url",
      "https://grants.example.org/360giving.json",
    ]);
    expect(good.code).toBe(0);
    const data = JSON.parse(await readFile(`${out}-src.json`, "utf8")) as {
      grants: { dataSource: string }[];
    };
    expect(data.grants.map((grant) => grant.dataSource)).toEqual([
      "https://grants.example.org/360giving.json",
      "https://grants.example.org/360giving.json",
    ]);
  });

  it("writes 360Giving CSV that validates", async () => {
    const result = await run(["--format", "360giving-csv", "--out", `${out}.csv`, "--validate"]);
    expect(result.code).toBe(0);
    expect((await readFile(`${out}.csv`, "utf8")).split("\r\n")[0]).toMatch(
      /^Identifier,Title,Description,Currency,/,
    );
  });

  it("explains a missing option, an unknown format and a bad prefix with exit code 2", async () => {
    expect(await run(["--format", "360giving-json"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Missing --format or --out"),
    });
    expect(await run(["--format", "xml", "--out", `${out}.x`])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown format "xml"'),
    });
    expect(
      await run(["--format", "360giving-json", "--out", `${out}.json`, "--prefix", "GB-X"]),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining("is not a 360Giving prefix") });
  });
});
