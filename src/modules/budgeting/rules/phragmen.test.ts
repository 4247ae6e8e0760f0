import { describe, expect, it } from "vitest";
import type { PbElection } from "./index.ts";
import { computeOutcome, Rational } from "./index.ts";

const n = (v: number) => Rational.of(v);

describe("sequential Phragmén", () => {
  // Budget 10. Voters 1-3 approve a (cost 6); voters 3-4 approve b (cost 3); voter 5
  // approves c (cost 2). Loads: a = 6/3 = 2; b = 3/2 = 1.5; c = 2/1 = 2.
  // Step 1: b at 1.5 (voters 3, 4 now carry 1.5).
  // Step 2: a = (0 + 0 + 1.5 + 6) / 3 = 2.5; c = 2. c at 2 (voter 5 carries 2).
  // Step 3: a at 2.5, but 3 + 2 + 6 = 11 > 10, so the rule stops: no skipping.
  const election: PbElection = {
    budget: n(10),
    projects: [
      { id: "a", cost: n(6) },
      { id: "b", cost: n(3) },
      { id: "c", cost: n(2) },
    ],
    ballots: [["a"], ["a"], ["a", "b"], ["b"], ["c"]],
  };

  it("funds by smallest resulting load and stops at the first project that does not fit", () => {
    const out = computeOutcome(election, { rule: "phragmen" });
    expect(out.selected).toEqual(["b", "c"]);
    expect(out.totalCost).toBe("5");
    expect(out.details.phragmen?.loads).toEqual([
      { projectId: "b", load: "1.5" },
      { projectId: "c", load: "2" },
    ]);
  });

  it("sets aside projects costing more than the whole budget instead of stopping on them", () => {
    const withHuge: PbElection = {
      ...election,
      projects: [...election.projects, { id: "huge", cost: n(11) }],
      ballots: [...election.ballots, ["huge"], ["huge"], ["huge"], ["huge"], ["huge"], ["huge"]],
    };
    expect(computeOutcome(withHuge, { rule: "phragmen" }).selected).toEqual(["b", "c"]);
  });

  it("reports exact loads as fractions when they are not decimals", () => {
    const thirds: PbElection = {
      budget: n(1),
      projects: [{ id: "x", cost: n(1) }],
      ballots: [["x"], ["x"], ["x"]],
    };
    expect(computeOutcome(thirds, { rule: "phragmen" }).details.phragmen?.loads).toEqual([
      { projectId: "x", load: "1/3" },
    ]);
  });
});
