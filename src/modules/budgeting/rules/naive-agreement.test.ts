// The fast rules (voter classes, lazy re-evaluation, doubles confirmed exactly) must
// agree with a plain, obviously-correct transcription of each rule that does every step
// in exact rationals, voter by voter. Random elections with small integer costs and few
// voters produce many exact ties and budgets exactly equal to caps: the cases where a
// float shortcut would go wrong.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PbElection } from "./index.ts";
import { computeOutcome, Rational } from "./index.ts";

type Naive = { ids: string[]; costs: Rational[]; ballots: Set<string>[]; budget: Rational };

function naiveOf(e: PbElection): Naive {
  const ids = e.projects.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cost = new Map(e.projects.map((p) => [p.id, p.cost]));
  return {
    ids,
    costs: ids.map((id) => cost.get(id) ?? Rational.ZERO),
    ballots: e.ballots.map((b) => new Set(b)),
    budget: e.budget,
  };
}

/** MES, no completion, straight from the definition: each round, min rho; ties by id. */
function naiveMes(e: PbElection, utility: "cost" | "approval", extra = 0): string[] {
  const { ids, costs, ballots, budget } = naiveOf(e);
  const n = ballots.length;
  const money = ballots.map(() => budget.divInt(n).add(Rational.of(extra)));
  const out: string[] = [];
  const supporters = ids.map((id) => ballots.flatMap((b, i) => (b.has(id) ? [i] : [])));
  const util = (p: number) => (utility === "cost" ? costs[p] : Rational.ONE);
  const open = new Set(ids.keys());
  for (const p of [...open]) {
    if (supporters[p].length === 0 || (utility === "cost" && costs[p].isZero())) open.delete(p);
    else if (costs[p].isZero()) {
      out.push(ids[p]); // approval utilities: supported free projects are funded upfront
      open.delete(p);
    }
  }
  for (;;) {
    let best: { p: number; rho: Rational; q: Rational } | null = null;
    for (const p of open) {
      const sorted = [...supporters[p]].sort((a, b) => money[a].cmp(money[b]));
      let remaining = costs[p];
      let left = sorted.length;
      let q: Rational | null = null;
      for (const i of sorted) {
        const share = remaining.divInt(left);
        if (share.le(money[i])) {
          q = share;
          break;
        }
        remaining = remaining.sub(money[i]);
        left--;
      }
      if (q === null) continue;
      const rho = q.div(util(p));
      if (best === null || rho.lt(best.rho)) best = { p, rho, q };
    }
    if (best === null) return out;
    out.push(ids[best.p]);
    open.delete(best.p);
    for (const i of supporters[best.p]) money[i] = money[i].sub(money[i].lt(best.q) ? money[i] : best.q);
  }
}

/** Add1 from its definition; `untilInfeasible` selects the Wieliczka variant. */
function naiveAdd1(e: PbElection, untilInfeasible: boolean): string[] {
  const { ids, costs, ballots, budget } = naiveOf(e);
  const costOf = (sel: string[]) => sel.reduce((s, id) => s.add(costs[ids.indexOf(id)]), Rational.ZERO);
  const eligible = ids.filter((id, p) => !costs[p].isZero() && ballots.some((b) => b.has(id)));
  let previous: string[] = [];
  for (let extra = 0; ; extra++) {
    const out = naiveMes(e, "cost", extra);
    const spent = costOf(out);
    if (spent.gt(budget)) return previous;
    const left = budget.sub(spent);
    const fits = eligible.filter((id) => !out.includes(id) && costs[ids.indexOf(id)].le(left));
    if (!untilInfeasible && fits.length === 0) return out;
    if (untilInfeasible && eligible.every((id) => out.includes(id))) return out;
    previous = out;
  }
}

/** Sequential Phragmén from the definition, voter by voter. */
function naivePhragmen(e: PbElection): string[] {
  const { ids, costs, ballots, budget } = naiveOf(e);
  const load = ballots.map(() => Rational.ZERO);
  const out: string[] = [];
  let spent = Rational.ZERO;
  const open = ids.map((_, p) => p).filter((p) => costs[p].le(budget));
  for (;;) {
    if (open.length === 0) return out;
    let min: Rational | null = null;
    let tied: number[] = [];
    for (const p of open) {
      const sup = ballots.flatMap((b, i) => (b.has(ids[p]) ? [i] : []));
      const value =
        sup.length === 0 ? null : sup.reduce((s, i) => s.add(load[i]), costs[p]).divInt(sup.length);
      // null = infinite load, which only "ties" with other unapproved projects
      const c = min === null ? (value === null ? 0 : -1) : value === null ? 1 : value.cmp(min);
      if (tied.length === 0 || c < 0) {
        min = value;
        tied = [p];
      } else if (c === 0) tied.push(p);
    }
    if (tied.some((p) => spent.add(costs[p]).gt(budget))) return out;
    const s = tied[0];
    out.push(ids[s]);
    spent = spent.add(costs[s]);
    open.splice(open.indexOf(s), 1);
    if (min !== null) for (const [i, b] of ballots.entries()) if (b.has(ids[s])) load[i] = min;
  }
}

const electionArb: fc.Arbitrary<PbElection> = fc
  .record({
    costs: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
    budget: fc.integer({ min: 1, max: 30 }),
    ballots: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), {
      minLength: 1,
      maxLength: 9,
    }),
  })
  .map(({ costs, budget, ballots }) => ({
    budget: Rational.of(budget),
    // ids chosen so that string order differs from numeric order
    projects: costs.map((c, i) => ({ id: String(8 + i), cost: Rational.of(c) })),
    ballots: ballots.map((b) => [...new Set(b.filter((p) => p < costs.length).map((p) => String(8 + p)))]),
  }));

describe("fast rules agree with a naive exact transcription", () => {
  it("MES with cost utilities", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        expect(computeOutcome(e, { rule: "mes" }).selected).toEqual(naiveMes(e, "cost"));
      }),
      { numRuns: 1500 },
    );
  });

  it("MES with approval utilities", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        expect(computeOutcome(e, { rule: "mes", utility: "approval" }).selected).toEqual(
          naiveMes(e, "approval"),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it("MES with the Add1 completion", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        expect(computeOutcome(e, { rule: "mes", completion: "add1" }).selected).toEqual(naiveAdd1(e, false));
      }),
      { numRuns: 1000 },
    );
  });

  it("MES with the add1-until-infeasible completion", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const out = computeOutcome(e, { rule: "mes", completion: "add1-until-infeasible" });
        expect(out.selected).toEqual(naiveAdd1(e, true));
      }),
      { numRuns: 1000 },
    );
  });

  it("sequential Phragmén", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        expect(computeOutcome(e, { rule: "phragmen" }).selected).toEqual(naivePhragmen(e));
      }),
      { numRuns: 1500 },
    );
  });
});
