import { describe, expect, it } from "vitest";
import type { PbElection } from "./index.ts";
import { computeOutcome, fundedVoterShare, Rational } from "./index.ts";

const n = (v: number) => Rational.of(v);

// A small election where Add1 and the Wieliczka "add1-until-infeasible" variant differ.
// Budget B = 10, three voters: voter 1 approves {x, z}, voter 2 {z}, voter 3 {y}.
// Costs: x = 2, y = 3, z = 7. Cost utilities, so rho = (payment per voter) / cost.
//
// Start, b0 = B/n = 10/3 each:
//   z: voters 1+2 hold 20/3 < 7, unaffordable.  x: voter 1 pays 2, rho 2/2 = 1.
//   y: voter 3 pays 3, rho 3/3 = 1. Tie at rho 1: "x" < "y", so x, then y.
//   Outcome [x, y], cost 5. Left over 5 < 7 = cost of z, so it is exhaustive:
//   Add1 stops here and returns [x, y].
// The variant keeps going while the outcome fits in B:
//   b0 = 13/3: z: each of voters 1, 2 pays 3.5 (both hold 13/3 > 3.5), rho 3.5/7 = 0.5,
//     the best, so z first. Voter 1 keeps 13/3 - 3.5 = 5/6 < 2: x is unaffordable.
//     y: rho 1, funded. Outcome [z, y], cost 10 <= 10: fits, keep going.
//   b0 = 16/3: same; voter 1 keeps 11/6 < 2. Outcome [z, y], cost 10: fits.
//   b0 = 19/3: voter 1 keeps 17/6 >= 2, so after z come x and y (tied at rho 1, x first).
//     Outcome [z, x, y], cost 12 > 10: infeasible. Return the last that fit:
//     [z, y], from b0 = 16/3.
const WIELICZKA_STYLE: PbElection = {
  budget: n(10),
  projects: [
    { id: "x", cost: n(2) },
    { id: "y", cost: n(3) },
    { id: "z", cost: n(7) },
  ],
  ballots: [["x", "z"], ["z"], ["y"]],
};

describe("method of equal shares completions", () => {
  it("Add1 stops at the first exhaustive outcome", () => {
    const out = computeOutcome(WIELICZKA_STYLE, { rule: "mes", completion: "add1" });
    expect(out.selected).toEqual(["x", "y"]);
    expect(out.totalCost).toBe("5");
    expect(out.details.mes?.startBudgetPerVoter).toBe("10/3");
  });

  it("add1-until-infeasible keeps raising budgets while the outcome fits in B", () => {
    const out = computeOutcome(WIELICZKA_STYLE, { rule: "mes", completion: "add1-until-infeasible" });
    expect(out.selected).toEqual(["z", "y"]);
    expect(out.totalCost).toBe("10");
    expect(out.details.mes?.startBudgetPerVoter).toBe("16/3");
    expect(out.details.mes?.winners[0]).toMatchObject({
      projectId: "z",
      supportersPaid: "7",
      maxPaymentPerVoter: "3.5",
    });
  });

  it("without completion, MES is the plain first run", () => {
    expect(computeOutcome(WIELICZKA_STYLE, { rule: "mes" }).selected).toEqual(["x", "y"]);
  });
});

describe("zero-cost projects and empty ballots", () => {
  // "free" costs nothing and is approved by two voters; one ballot is empty.
  const election: PbElection = {
    budget: n(9),
    projects: [
      { id: "free", cost: n(0) },
      { id: "a", cost: n(6) },
      { id: "b", cost: n(3) },
    ],
    ballots: [["free", "a"], ["free", "a"], ["b"], []],
  };

  it("MES with cost utilities never funds a zero-cost project", () => {
    expect(computeOutcome(election, { rule: "mes" }).selected).not.toContain("free");
  });

  it("MES with approval utilities funds a supported zero-cost project first", () => {
    expect(computeOutcome(election, { rule: "mes", utility: "approval" }).selected[0]).toBe("free");
  });

  it("greedy with cost utilities ranks a zero-cost project last but funds it", () => {
    expect(computeOutcome(election, { rule: "greedy" }).selected).toEqual(["a", "b", "free"]);
  });

  it("Phragmén picks a zero-cost project first (its load is 0)", () => {
    expect(computeOutcome(election, { rule: "phragmen" }).selected[0]).toBe("free");
  });

  it("counts empty ballots in n: each voter starts with 9/4", () => {
    expect(computeOutcome(election, { rule: "mes" }).details.mes?.startBudgetPerVoter).toBe("2.25");
  });

  it("reports votes per project and the share of voters with a funded project", () => {
    const out = computeOutcome(election, { rule: "greedy" });
    expect(out.details.votes).toEqual({ free: 2, a: 2, b: 1 });
    expect(fundedVoterShare(election, ["b"])).toEqual({ voters: 1, total: 4, share: 0.25 });
  });
});

describe("tie-breaking", () => {
  it("breaks exact ties by project id as a string, so '10' beats '9'", () => {
    const election: PbElection = {
      budget: n(5),
      projects: [
        { id: "9", cost: n(5) },
        { id: "10", cost: n(5) },
      ],
      // Both voters approve both projects: each rule sees an exact tie, and only one fits.
      ballots: [
        ["9", "10"],
        ["9", "10"],
      ],
    };
    for (const rule of ["greedy", "mes", "phragmen"] as const) {
      const out = computeOutcome(election, { rule });
      expect(out.selected, rule).toEqual(["10"]);
      expect(out.tieBreaking).toBe("lexicographic-project-id");
    }
  });
});
