import { describe, expect, it } from "vitest";
import { PabulibError, parsePabulib } from "./parse.ts";
import { writePabulib } from "./write.ts";

const lines = (...rows: string[]): string => `${rows.join("\n")}\n`;

const GOOD = lines(
  "META", //                         1
  "key;value", //                    2
  "budget;1000,50", //               3
  "vote_type;approval", //           4
  "PROJECTS", //                     5
  "cost;project_id;name;selected", // 6 (columns in an unusual order)
  '250,25;10;"Benches; two of them";1', // 7
  "300;9;Trees;0", //                8
  "VOTES", //                        9
  "vote;voter_id;age", //            10
  "10,9;a;30", //                    11
  ";b;41", //                        12 (empty ballot)
  "9;c;", //                         13
);

function errorOf(text: string): PabulibError {
  try {
    parsePabulib(text);
  } catch (e) {
    if (e instanceof PabulibError) return e;
    throw e;
  }
  throw new Error("expected a PabulibError");
}

describe("parsePabulib", () => {
  it("reads meta, projects and ballots with comma decimals, quotes and any column order", () => {
    const e = parsePabulib(GOOD);
    expect(e.budget.toExactString()).toBe("1000.5");
    expect(e.meta.vote_type).toBe("approval");
    expect(e.projects.map((p) => [p.id, p.cost.toExactString(), p.name, p.selected])).toEqual([
      ["10", "250.25", "Benches; two of them", true],
      ["9", "300", "Trees", false],
    ]);
    expect(e.ballots).toEqual([["10", "9"], [], ["9"]]);
  });

  it("keeps empty ballots, which still count as voters", () => {
    expect(parsePabulib(GOOD).ballots).toHaveLength(3);
  });

  it("ignores a byte-order mark and Windows line endings", () => {
    const e = parsePabulib(`\uFEFF${GOOD.replace(/\n/g, "\r\n")}`);
    expect(e.projects).toHaveLength(2);
    expect(e.ballots[0]).toEqual(["10", "9"]);
  });

  it("reports a missing META section on line 1", () => {
    const err = errorOf(GOOD.replace("META\n", ""));
    expect(err.line).toBe(1);
    expect(err.message).toMatch(/META/);
  });

  it("reports a missing PROJECTS section at the end of the file", () => {
    const text = lines("META", "key;value", "budget;10", "VOTES", "voter_id;vote", "1;");
    const err = errorOf(text);
    expect(err.message).toMatch(/PROJECTS section is missing/);
    expect(err.line).toBe(7);
  });

  it("reports a missing VOTES section", () => {
    const text = lines("META", "key;value", "budget;10", "PROJECTS", "project_id;cost", "1;5");
    expect(errorOf(text).message).toMatch(/VOTES section is missing/);
  });

  it("reports a missing budget on the META line", () => {
    const err = errorOf(GOOD.replace("budget;1000,50\n", ""));
    expect(err.line).toBe(1);
    expect(err.message).toMatch(/budget/);
  });

  it("reports a cost that is not a number, naming its line", () => {
    const err = errorOf(GOOD.replace("300;9;Trees", "about 300;9;Trees"));
    expect(err.line).toBe(8);
    expect(err.message).toMatch(/cost of project "9" "about 300" is not a number/);
  });

  it("reports a missing cost, naming its line", () => {
    const err = errorOf(GOOD.replace("300;9;Trees", ";9;Trees"));
    expect(err.line).toBe(8);
    expect(err.message).toMatch(/the cost of project "9" is missing/);
  });

  it("reports a negative cost, naming its line", () => {
    const err = errorOf(GOOD.replace("300;9;Trees", "-300;9;Trees"));
    expect(err.line).toBe(8);
    expect(err.message).toMatch(/negative/);
  });

  it("reports a vote for an unknown project, naming its line and voter", () => {
    const err = errorOf(GOOD.replace("9;c;", "9,77;c;"));
    expect(err.line).toBe(13);
    expect(err.message).toMatch(/voter c names project "77"/);
  });

  it("reports a duplicate project id on the second occurrence", () => {
    const err = errorOf(GOOD.replace("300;9;Trees", "300;10;Trees"));
    expect(err.line).toBe(8);
    expect(err.message).toMatch(/"10" is used twice \(first on line 7\)/);
  });

  it("counts lines inside a quoted field that spans two lines", () => {
    const text = GOOD.replace('"Benches; two of them"', '"Benches\non two lines"');
    const err = errorOf(text.replace("300;9;Trees", "x;9;Trees"));
    expect(err.line).toBe(9);
  });
});

describe("writePabulib", () => {
  it("round-trips an election through write and parse", () => {
    const first = parsePabulib(GOOD);
    const second = parsePabulib(writePabulib(first));
    expect(second.budget.equals(first.budget)).toBe(true);
    expect(second.ballots).toEqual(first.ballots);
    expect(second.meta.vote_type).toBe("approval");
    const summary = (e: typeof first) =>
      e.projects.map((p) => ({ id: p.id, cost: p.cost.toExactString(), name: p.name, selected: p.selected }));
    expect(summary(second)).toEqual(summary(first));
    expect(second.voters.map((v) => v.fields.age)).toEqual(["30", "41", ""]);
  });

  it("reads and writes back cumulative (points) votes, one points value per project named", () => {
    const points = [
      "META",
      "key;value",
      "budget;100",
      "vote_type;cumulative",
      "max_sum_points;10",
      "PROJECTS",
      "project_id;cost",
      "a;60",
      "b;50",
      "VOTES",
      "voter_id;vote;points",
      "1;a,b;7,3",
      "2;b;10",
      "3;a,b;0,4",
    ].join("\n");
    const first = parsePabulib(points);
    expect(first.ballots).toEqual([["a", "b"], ["b"], ["b"]]);
    expect(first.points).toEqual([[7, 3], [10], [4]]);
    // What each vote names, 0 points included: how pabutools' approval-style rules read it.
    expect(first.listed).toEqual([["a", "b"], ["b"], ["a", "b"]]);
    const second = parsePabulib(writePabulib(first));
    expect(second.meta.vote_type).toBe("cumulative");
    expect(second.ballots).toEqual(first.ballots);
    expect(second.points).toEqual(first.points);
    expect(errorOf(points.replace("2;b;10", "2;b;10,1")).message).toMatch(
      /line 13: this vote names 1 project but gives 2 points values/,
    );
    expect(errorOf(points.replace("2;b;10", "2;b;ten")).message).toMatch(
      /line 13: .*"ten".*not a whole number/,
    );
    expect(errorOf(points.replace("voter_id;vote;points", "voter_id;vote")).message).toMatch(
      /no "points" column/,
    );
  });

  it("writes an election built in code (no original columns) as a valid file", () => {
    const e = parsePabulib(GOOD);
    const text = writePabulib({ meta: {}, budget: e.budget, projects: e.projects, ballots: [[], ["9"]] });
    const back = parsePabulib(text);
    expect(back.ballots).toEqual([[], ["9"]]);
    expect(back.meta.num_votes).toBe("2");
  });
});
