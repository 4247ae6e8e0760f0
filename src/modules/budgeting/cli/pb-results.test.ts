import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPbResults } from "./pb-results.ts";

const dir = mkdtempSync(path.join(tmpdir(), "kith-pb-cli-"));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

// Budget 10, three voters: the same election the MES completion tests work through.
const GOOD = file(
  "small.pb",
  [
    "META",
    "key;value",
    "budget;10",
    "vote_type;approval",
    "PROJECTS",
    "project_id;cost;name",
    "x;2;Benches",
    "y;3;Bins",
    "z;7;Playground",
    "VOTES",
    "voter_id;vote",
    "1;x,z",
    "2;z",
    "3;y",
    "",
  ].join("\n"),
);

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runPbResults(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("kith pb results", () => {
  it("prints one JSON object with the outcome and the settings used", async () => {
    const r = await run(GOOD, "--rule", "mes", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      selected: ["x", "y"],
      totalCost: "5",
      rule: "mes",
      utility: "cost",
      completion: "none",
      tieBreaking: "lexicographic-project-id",
      budget: "10",
      numBallots: 3,
      numProjects: 3,
    });
  });

  it("accepts --flag=value and passes the completion through", async () => {
    const r = await run("--rule=mes", "--completion=add1-until-infeasible", "--json", GOOD);
    expect(JSON.parse(r.stdout).selected).toEqual(["z", "y"]);
  });

  it("prints a readable table without --json", async () => {
    const r = await run(GOOD, "--rule", "greedy");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rule: Greedy/);
    expect(r.stdout).toMatch(/1\s+z\s+7\s+2\s+Playground\n2\s+x\s+2\s+1\s+Benches\n\n/);
    expect(r.stdout).toMatch(/Voters with at least one funded project: 2 of 3 \(66.7%\)/);
  });

  it("refuses a missing or unknown rule with exit code 2 and the usage", async () => {
    for (const args of [[GOOD], [GOOD, "--rule", "borda"], [GOOD, "--rule"]]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--rule/);
      expect(r.stderr).toMatch(/Usage:/);
      expect(r.stdout).toBe("");
    }
  });

  it("refuses unknown options and options that do not apply to the rule", async () => {
    expect((await run(GOOD, "--rule", "mes", "--fast")).stderr).toMatch(/unknown option --fast/);
    expect((await run(GOOD, "--rule", "greedy", "--completion", "add1")).stderr).toMatch(
      /only applies to --rule mes/,
    );
    expect((await run(GOOD, "--rule", "phragmen", "--utility", "cost")).code).toBe(2);
  });

  it("names a file it cannot read", async () => {
    const r = await run(path.join(dir, "nope.pb"), "--rule", "mes");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.pb: no such file/);
  });

  it("names the file and line of a problem in the file, without a stack trace", async () => {
    const bad = file(
      "bad.pb",
      "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nx;ten\nVOTES\nvoter_id;vote\n1;x\n",
    );
    const r = await run(bad, "--rule", "greedy", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kith pb results: ${bad}:6: the cost of project "x" "ten" is not a number\n`);
    expect(r.stdout).toBe("");
  });

  // Budget 10. By points, b (12) beats a (10); by voters naming them, a (3) beats b (2).
  // Voter 3 names a with 0 points: pabutools still counts a as in that ballot.
  const CUMULATIVE = file(
    "points.pb",
    [
      "META",
      "key;value",
      "budget;10",
      "vote_type;cumulative",
      "max_sum_points;10",
      "PROJECTS",
      "project_id;cost",
      "a;6",
      "b;6",
      "VOTES",
      "voter_id;vote;points",
      "1;a,b;9,1",
      "2;a,b;1,9",
      "3;a,b;0,2",
      "",
    ].join("\n"),
  );

  it("counts a cumulative vote as approving every project it names, 0 points included, as pabutools does", async () => {
    for (const rule of ["greedy", "mes"]) {
      const r = await run(CUMULATIVE, "--rule", rule, "--json");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      // Counting points, or dropping voter 3's 0-point a, would put b ahead of a.
      expect(out.selected).toEqual(["a"]);
      expect(out.details.votes).toEqual({ a: 3, b: 3 });
      expect(out.voteType).toBe("cumulative");
      expect(out.ballotsReadAs).toMatch(/every project each vote names/);
    }
    const table = await run(CUMULATIVE, "--rule", "mes", "--completion", "add1");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Ballots: cumulative, read as approvals of every project each vote names/);
  });

  it("refuses sequential Phragmén on a cumulative file and says which rules apply", async () => {
    const r = await run(CUMULATIVE, "--rule", "phragmen", "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /points\.pb: sequential Phragmén counts approval ballots only.*cumulative votes/,
    );
    expect(r.stderr).toMatch(/--rule greedy or --rule mes/);
  });

  it("refuses a vote type pabulib does not define", async () => {
    const odd = file("odd.pb", readFileSync(GOOD, "utf8").replace("vote_type;approval", "vote_type;borda"));
    const r = await run(odd, "--rule", "greedy");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vote_type "borda" is not one pabulib defines/);
  });

  it("prints the usage for --help", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kith pb results/);
  });
});
