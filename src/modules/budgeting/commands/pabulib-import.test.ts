import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { parsePabulib } from "../pabulib/parse.ts";
import { writePabulib } from "../pabulib/write.ts";
import { exportPabulib } from "../queries/pabulib-export.ts";
import { getResults } from "../queries/results.ts";
import { importPabulib } from "./pabulib-import.ts";

type Expected = Record<string, Record<string, string[]>>;
const expected = JSON.parse(readFileSync("/work/shared/pb/expected.json", "utf8")) as Expected;
const instance = (name: string) => readFileSync(`/work/shared/pb/instances/${name}.pb`, "utf8");

describe("importing pabulib files", () => {
  let database: Database;
  let orgId: string;
  const officer = () => actorFor(orgId, "officer");
  const count = async () =>
    (await database.query<{ n: number }>("SELECT count(*)::int AS n FROM pb_process"))[0].n;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
  });
  afterAll(async () => database.close());

  // The stored result must be the reference library's, selection order included.
  for (const [name, rule, key] of [
    ["poland_warszawa_2017_aleksandrow", { rule: "greedy" }, "greedy_cost"],
    [
      "poland_gdynia_2020_babie-doly-large",
      { rule: "mes", utility: "cost", completion: "add1" },
      "mes_cost_add1",
    ],
    ["poland_warszawa_2018_muranow", { rule: "phragmen" }, "phragmen"],
  ] as const) {
    it(`publishes ${name} under ${key} exactly as pabutools selects it`, async () => {
      const imported = await importPabulib(database.db, officer(), testNow, instance(name), rule);
      const results = await getResults(database.db, orgId, imported.processId);
      expect(results.process.phase).toBe("results");
      expect(results.budgets[0].result?.outcome.selected).toEqual(expected[name][key]);
    });
  }

  it("names the line of a bad file and writes nothing", async () => {
    const before = await count();
    const cases: [string, RegExp][] = [
      [
        "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;abc\nVOTES\nvoter_id;vote\n1;1\n",
        /Line 6/,
      ],
      [
        "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n1;7\n",
        /Line 9.*"7"/,
      ],
      ["META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;10\n", /VOTES/],
      [
        "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;10.005\nVOTES\nvoter_id;vote\n1;1\n",
        /two decimal places/,
      ],
    ];
    for (const [text, message] of cases) {
      const error = await importPabulib(database.db, officer(), testNow, text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).status).toBe(400);
      expect((error as Problem).detail).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it("imports points ballots, counts most points first, and exports the same points back", async () => {
    // Points: a 7, b 3+10+4 = 17, c 9. Budget 100: b (50) first, then c (40); a (60) no longer fits.
    const file = [
      "META",
      "key;value",
      "budget;100",
      "vote_type;cumulative",
      "max_sum_points;10",
      "PROJECTS",
      "project_id;cost;name",
      "a;60;Alpha",
      "b;50;Beta",
      "c;40;Gamma",
      "VOTES",
      "voter_id;vote;points",
      "1;a,b;7,3",
      "2;b;10",
      "3;b,c;4,6",
      "4;c;3",
    ].join("\n");
    const imported = await importPabulib(database.db, officer(), testNow, file, { rule: "mes" });
    const results = await getResults(database.db, orgId, imported.processId);
    expect(results.process.ballotKind).toBe("cumulative");
    expect(results.process.pointsTotal).toBe(10);
    const outcome = results.budgets[0].result?.outcome;
    expect(outcome?.selected).toEqual(["b", "c"]);
    expect(outcome?.votes).toEqual({ a: 7, b: 17, c: 9 });

    const exported = parsePabulib(await exportPabulib(database.db, officer(), imported.processId));
    expect(exported.meta.vote_type).toBe("cumulative");
    expect(exported.meta.max_sum_points).toBe("10");
    const pointsOf = (e: typeof exported) =>
      e.ballots.map((b, i) => b.map((id, k) => `${id}:${e.points?.[i][k]}`).join(",")).sort();
    expect(pointsOf(exported)).toEqual(["a:7,b:3", "b:10", "b:4,c:6", "c:3"]);
    expect(exported.projects.map((p) => [p.id, p.fields.score, p.selected])).toEqual([
      ["a", "7", false],
      ["b", "17", true],
      ["c", "9", true],
    ]);
    // And the exported file imports again to the same result.
    const again = await importPabulib(database.db, officer(), testNow, writePabulib(exported));
    const second = await getResults(database.db, orgId, again.processId);
    expect(second.budgets[0].result?.outcome.selected).toEqual(["b", "c"]);
  });

  it("lets only officers import", async () => {
    const error = await importPabulib(
      database.db,
      actorFor(orgId, "read-only"),
      testNow,
      instance("poland_warszawa_2017_aleksandrow"),
    ).catch((e: unknown) => e);
    expect((error as Problem).status).toBe(403);
  });
});
