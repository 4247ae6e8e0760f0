// One run of the Method of Equal Shares from a given per-voter starting budget.
//
// Speed comes from three ideas; exactness from a fourth.
// 1. Voter classes. Every voter starts with the same budget and, when a project is
//    funded, each supporter either pays the same cap q or runs out. So voters who
//    approve the same funded projects always hold the same budget. We keep one
//    "class" per such group (with the weighted count of its members approving each
//    project) and split a class only when part of it pays. Evaluating a project then
//    costs O(classes), not O(voters); voters who run out of money are dropped.
// 2. Lazy re-evaluation. A project's price per unit of utility (rho) can only rise as
//    budgets fall, so its last computed rho is a lower bound. Each round we evaluate
//    projects in order of that bound and stop once the bound exceeds the best found.
// 3. Doubles as a filter. Budgets and prices are tracked as doubles, which are
//    accurate to ~1e-12 here. We trust a double only when it is further than EPS
//    (relative) from the boundary it is compared with.
// 4. Exact confirmation. Every comparison that decides the outcome (who wins, ties,
//    whether a voter runs out, whether a project is affordable) is confirmed in exact
//    rationals when the doubles are within EPS. A class's exact budget is
//    b0 - sum of the exact caps q it paid, so it is rebuilt on demand, never stored.

import type { Profile } from "./profile.ts";
import type { Rational } from "./rational.ts";

const EPS = 1e-9;

export type MesUtility = "cost" | "approval";

export type MesRunResult = {
  /** Project indices in selection order. */
  readonly selected: number[];
  /** For each selection, the cap q: the most any one supporter paid. */
  readonly caps: Rational[];
};

type VoterClass = {
  members: Int32Array;
  weight: number;
  /** Weighted number of members approving each project. */
  projW: Float64Array;
  /** Indices (into caps) of the selections this class paid for. */
  paid: number[];
  budgetF: number;
};

type Evaluation = { p: number; rhoF: number; qF: number; exact: Rational | null };

export function runMes(
  profile: Profile,
  utility: MesUtility,
  eligible: readonly number[],
  startBudget: Rational,
): MesRunResult {
  const numProjects = profile.ids.length;
  const { costs, costF, ballots, weights, approves } = profile;
  const b0 = startBudget;
  const b0F = b0.toNumber();
  const caps: Rational[] = [];
  const selected: number[] = [];
  const utilF = (p: number): number => (utility === "cost" ? costF[p] : 1);

  const aliveW = Float64Array.from(profile.approvals);
  let classes: VoterClass[] = [];
  if (ballots.length > 0) {
    let total = 0;
    for (const w of weights) total += w;
    classes.push({
      members: Int32Array.from(ballots.keys()),
      weight: total,
      projW: Float64Array.from(profile.approvals),
      paid: [],
      budgetF: b0F,
    });
  }

  const exactBudget = (c: VoterClass): Rational => {
    let b = b0;
    for (const k of c.paid) b = b.sub(caps[k]);
    return b;
  };

  // Float evaluation: the cap q with sum over supporters of min(budget, q) = cost.
  // Classes are sorted by budget, so the poor (who pay everything) come first.
  const evalF = (p: number): { status: "ok" | "unaffordable" | "ambiguous"; qF: number } => {
    let remaining = costF[p];
    let w = aliveW[p];
    if (w <= 0) return { status: "unaffordable", qF: 0 };
    for (const c of classes) {
      const cw = c.projW[p];
      if (cw === 0) continue;
      if (c.budgetF * w >= remaining) return { status: "ok", qF: remaining / w };
      remaining -= cw * c.budgetF;
      w -= cw;
      if (w <= 0) break;
    }
    return { status: remaining > EPS * costF[p] ? "unaffordable" : "ambiguous", qF: 0 };
  };

  // Exact cap for project p, or null if its supporters cannot afford it. Classes whose
  // float budget is clearly below / above the hinted cap are summed without being
  // examined one by one; only those near the cap are compared exactly.
  const exactCap = (p: number, hint: number | null): Rational | null => {
    const lo = hint === null ? Number.POSITIVE_INFINITY * -1 : hint * (1 - EPS);
    const hi = hint === null ? Number.POSITIVE_INFINITY : hint * (1 + EPS);
    const coef = new Float64Array(caps.length);
    let wPoor = 0;
    let wRich = 0;
    let topPoor: VoterClass | null = null;
    let bottomRich: VoterClass | null = null;
    const near: VoterClass[] = [];
    for (const c of classes) {
      const cw = c.projW[p];
      if (cw === 0) continue;
      if (c.budgetF < lo) {
        wPoor += cw;
        for (const k of c.paid) coef[k] += cw;
        topPoor = c;
      } else if (c.budgetF > hi) {
        wRich += cw;
        if (bottomRich === null) bottomRich = c;
      } else near.push(c);
    }
    let poorMoney = b0.mulInt(wPoor);
    for (let k = 0; k < coef.length; k++)
      if (coef[k] !== 0) poorMoney = poorMoney.sub(caps[k].mulInt(coef[k]));
    let remaining = costs[p].sub(poorMoney);
    let w = wRich;
    const exactNear = near.map((c) => ({ b: exactBudget(c), cw: c.projW[p] }));
    for (const e of exactNear) w += e.cw;
    exactNear.sort((x, y) => x.b.cmp(y.b));
    let cap: Rational | null = null;
    for (const e of exactNear) {
      if (remaining.le(e.b.mulInt(w))) {
        cap = remaining.divInt(w);
        break;
      }
      remaining = remaining.sub(e.b.mulInt(e.cw));
      w -= e.cw;
    }
    if (cap === null) {
      if (w === 0) return null; // everyone pays all they have and it is still not enough
      cap = remaining.divInt(w);
    }
    // The float partition is trusted only if the exact cap really lies between the
    // richest "poor" class and the poorest "rich" class; otherwise redo it all exactly.
    const consistent =
      cap.sign() > 0 &&
      (topPoor === null || exactBudget(topPoor).le(cap)) &&
      (bottomRich === null || exactBudget(bottomRich).ge(cap));
    if (!consistent) {
      if (hint === null) throw new Error("MES: exact cap computation is inconsistent");
      return exactCap(p, null);
    }
    return cap;
  };

  const pay = (s: number, cap: Rational): void => {
    const qF = cap.toNumber();
    const round = caps.length;
    caps.push(cap);
    const next: VoterClass[] = [];
    for (const c of classes) {
      const w = c.projW[s];
      if (w === 0) {
        next.push(c);
        continue;
      }
      let runsOut: boolean;
      if (c.budgetF > qF * (1 + EPS)) runsOut = false;
      else if (c.budgetF < qF * (1 - EPS)) runsOut = true;
      else runsOut = exactBudget(c).le(cap);
      if (w === c.weight) {
        if (runsOut) for (let p = 0; p < numProjects; p++) aliveW[p] -= c.projW[p];
        else {
          c.budgetF -= qF;
          c.paid.push(round);
          next.push(c);
        }
        continue;
      }
      // Part of the class pays: split it into payers and the rest.
      const payers: number[] = [];
      const rest: number[] = [];
      const payerW = new Float64Array(numProjects);
      for (const b of c.members) {
        if (approves[b * numProjects + s] === 1) {
          payers.push(b);
          const bw = weights[b];
          for (const p of ballots[b]) payerW[p] += bw;
        } else rest.push(b);
      }
      for (let p = 0; p < numProjects; p++) c.projW[p] -= payerW[p];
      c.members = Int32Array.from(rest);
      c.weight -= w;
      next.push(c);
      if (runsOut) for (let p = 0; p < numProjects; p++) aliveW[p] -= payerW[p];
      else {
        next.push({
          members: Int32Array.from(payers),
          weight: w,
          projW: payerW,
          paid: [...c.paid, round],
          budgetF: c.budgetF - qF,
        });
      }
    }
    next.sort((x, y) => x.budgetF - y.budgetF);
    classes = next;
  };

  const bound = new Float64Array(numProjects);
  for (const p of eligible) bound[p] = costF[p] / (aliveW[p] * utilF(p));
  let active = [...eligible];

  for (;;) {
    active.sort((a, b) => bound[a] - bound[b] || a - b);
    const removed = new Set<number>();
    const evaluated: Evaluation[] = [];
    let bestF = Number.POSITIVE_INFINITY;
    for (const p of active) {
      if (bound[p] * (1 - EPS) > bestF * (1 + EPS)) break;
      const r = evalF(p);
      let qF = r.qF;
      let exact: Rational | null = null;
      if (r.status === "unaffordable") {
        removed.add(p);
        continue;
      }
      if (r.status === "ambiguous") {
        exact = exactCap(p, null);
        if (exact === null) {
          removed.add(p);
          continue;
        }
        qF = exact.toNumber();
      }
      const rhoF = qF / utilF(p);
      bound[p] = rhoF;
      evaluated.push({ p, rhoF, qF, exact });
      if (rhoF < bestF) bestF = rhoF;
    }
    let winner = -1;
    let winnerCap: Rational | null = null;
    let winnerRho: Rational | null = null;
    for (const e of evaluated) {
      if (e.rhoF > bestF * (1 + 2 * EPS)) continue;
      const cap = e.exact ?? exactCap(e.p, e.qF);
      if (cap === null) {
        removed.add(e.p); // the floats said affordable by a hair; exactly, it is not
        continue;
      }
      const rho = utility === "cost" ? cap.div(costs[e.p]) : cap;
      const c = winnerRho === null ? -1 : rho.cmp(winnerRho);
      if (c < 0 || (c === 0 && e.p < winner)) {
        winner = e.p;
        winnerCap = cap;
        winnerRho = rho;
      }
    }
    if (removed.size > 0) active = active.filter((p) => !removed.has(p));
    if (winner < 0 || winnerCap === null) {
      if (evaluated.length === 0) break;
      continue; // every near-best candidate turned out unaffordable: look again
    }
    pay(winner, winnerCap);
    selected.push(winner);
    active = active.filter((p) => p !== winner);
  }
  return { selected, caps };
}
