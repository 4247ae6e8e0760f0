// THE reference test: every instance in the shared pabulib set, every rule, compared
// with the outcomes pabutools 1.2.3 computed (expected.json), in selection order.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePabulib } from "../pabulib/parse.ts";
import type { PbRuleOptions } from "./index.ts";
import { computeOutcome } from "./index.ts";

// The shared oracle beside the repo when it is there; otherwise the copy committed in reference/pb
// (same files), so the test always runs and never skips.
const sharedDir = (() => {
  if (process.env.KITH_SHARED_DIR) return path.resolve(process.env.KITH_SHARED_DIR);
  const shared = path.resolve(import.meta.dirname, "../../../../../shared/pb");
  if (existsSync(path.join(shared, "expected.json"))) return shared;
  return path.resolve(import.meta.dirname, "../../../../reference/pb");
})();

const REFERENCE_RULES: Record<string, PbRuleOptions> = {
  greedy_cost: { rule: "greedy", utility: "cost" },
  mes_cost: { rule: "mes", utility: "cost", completion: "none" },
  mes_cost_add1: { rule: "mes", utility: "cost", completion: "add1" },
  mes_approval: { rule: "mes", utility: "approval", completion: "none" },
  phragmen: { rule: "phragmen" },
};

type Expected = Record<string, Record<string, unknown> & { budget: string; num_ballots: number }>;

const expected: Expected = JSON.parse(readFileSync(path.join(sharedDir, "expected.json"), "utf8"));
const files = readdirSync(path.join(sharedDir, "instances"))
  .filter((f) => f.endsWith(".pb"))
  .sort();

describe(`reference outcomes from pabutools (${sharedDir})`, () => {
  it("has the 232 instances the README describes", () => {
    expect(files.length).toBe(232);
  });

  it.each(files)("%s: all five rules select exactly what pabutools selects, in order", (file) => {
    const key = file.replace(/\.pb$/, "");
    const want = expected[key];
    expect(want, `expected.json has no entry for ${key}`).toBeDefined();
    const election = parsePabulib(readFileSync(path.join(sharedDir, "instances", file), "utf8"));
    expect(election.budget.toExactString()).toBe(want.budget);
    expect(election.ballots.length).toBe(want.num_ballots);
    for (const [name, options] of Object.entries(REFERENCE_RULES)) {
      const outcome = computeOutcome(election, options);
      expect(outcome.selected, `${key} ${name}`).toEqual(want[name]);
    }
  });
});
