// One run of the Method of Equal Shares from a given per-voter starting budget.
//
// Speed comes from three ideas; exactness from a fourth.
// 1. Voter classes. Every voter starts with the same budget and, when a project is
//    funded, each supporter either pays the same cap q or runs out. So voters who
//    approve the same funded projects always hold the same budget. We keep one class
//    per such group, with the weighted count of its members approving each project.
//    Evaluating a project costs O(classes), not O(voters). Funding a project touches
//    only its supporters' ballots; voters who run out move to a dead class.
// 2. Lazy re-evaluation. A project's price per unit of utility (rho) can only rise as
//    budgets fall, so its last computed rho is a lower bound. Each round we evaluate
//    projects in order of that bound and stop once the bound exceeds the best found.
// 3. Doubles as a filter. Budgets and caps are tracked as doubles, accurate to ~1e-12
//    here. A double is trusted only when it is further than EPS (relative) from the
//    value it is compared with.
// 4. Exact confirmation. Every comparison that decides the outcome (who wins, ties,
//    whether a voter runs out, whether a project is affordable) is confirmed exactly
//    when the doubles are within EPS. Exact values are BigInt numerators over one
//    shared denominator L: a class's budget is b0 - (caps it paid), so it is rebuilt
//    on demand. Each new cap is (integer)/(W*L) for an integer weight W, so we multiply
//    L by W and every stored numerator by W: no gcd, which dominated the run time.

import type { Profile } from "./profile.ts";
import { Rational } from "./rational.ts";

const EPS = 1e-9;
const DEAD = 0; // class id of voters who have run out of money

export type MesUtility = "cost" | "approval";

export type MesRunResult = {
  /** Project indices in selection order. */
  readonly selected: number[];
  /** For each selection, the cap q: the most any one supporter paid. Built on demand. */
  readonly caps: () => Rational[];
};

/** An exact cap num / (w * L), in the units of the current shared denominator L. */
type ExactCap = { readonly num: bigint; readonly w: number };

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

export function runMes(
  profile: Profile,
  utility: MesUtility,
  eligible: readonly number[],
  startBudget: Rational,
): MesRunResult {
  const numProjects = profile.ids.length;
  const { costs, costF, ballots, weights, supporters } = profile;
  const b0F = startBudget.toNumber();
  const utilF = (p: number): number => (utility === "cost" ? costF[p] : 1);

  // Exact state over the shared denominator L.
  let L = startBudget.den;
  for (const p of eligible) L = lcm(L, costs[p].den);
  let b0N = startBudget.num * (L / startBudget.den);
  const costN: bigint[] = costs.map((c) => c.num * (L / c.den));
  const capsN: bigint[] = [];
  const capsRaw: { num: bigint; den: bigint }[] = [];
  const selected: number[] = [];

  // Classes, structure-of-arrays. Class 0 is the dead class; class 1 starts with everyone.
  const budgetF: number[] = [0, b0F];
  const weight: number[] = [0, 0];
  const projW: Float64Array[] = [new Float64Array(numProjects), Float64Array.from(profile.approvals)];
  const paid: number[][] = [[], []];
  const classOf = new Int32Array(ballots.length).fill(1);
  for (const w of weights) weight[1] += w;
  let order: number[] = weight[1] > 0 ? [1] : [];
  const aliveW = Float64Array.from(profile.approvals);

  const budgetN = (c: number): bigint => {
    let b = b0N;
    for (const k of paid[c]) b -= capsN[k];
    return b;
  };

  // Float evaluation: the cap q with sum over supporters of min(budget, q) = cost.
  // Classes are in budget order, so the poor (who pay all they have) come first.
  const evalF = (p: number): { status: "ok" | "unaffordable" | "ambiguous"; qF: number } => {
    let remaining = costF[p];
    let w = aliveW[p];
    if (w <= 0) return { status: "unaffordable", qF: 0 };
    for (const c of order) {
      const cw = projW[c][p];
      if (cw === 0) continue;
      const b = budgetF[c];
      if (b * w >= remaining) return { status: "ok", qF: remaining / w };
      remaining -= cw * b;
      w -= cw;
      if (w <= 0) break;
    }
    return { status: remaining > EPS * costF[p] ? "unaffordable" : "ambiguous", qF: 0 };
  };

  // Exact cap for project p, or null if its supporters cannot afford it. Classes clearly
  // below / above the hinted cap are summed in bulk; only those near it are compared
  // one by one. With no hint, every class is compared exactly.
  const exactCap = (p: number, hint: number | null): ExactCap | null => {
    const lo = hint === null ? Number.NEGATIVE_INFINITY : hint * (1 - EPS);
    const hi = hint === null ? Number.POSITIVE_INFINITY : hint * (1 + EPS);
    const coef = new Float64Array(capsN.length);
    let wPoor = 0;
    let wRich = 0;
    let topPoor = -1;
    let bottomRich = -1;
    const near: number[] = [];
    for (const c of order) {
      const cw = projW[c][p];
      if (cw === 0) continue;
      if (budgetF[c] < lo) {
        wPoor += cw;
        for (const k of paid[c]) coef[k] += cw;
        topPoor = c;
      } else if (budgetF[c] > hi) {
        wRich += cw;
        if (bottomRich < 0) bottomRich = c;
      } else near.push(c);
    }
    let remaining = costN[p] - b0N * BigInt(wPoor);
    for (let k = 0; k < coef.length; k++) if (coef[k] !== 0) remaining += capsN[k] * BigInt(coef[k]);
    const exactNear = near.map((c) => ({ b: budgetN(c), cw: projW[c][p] }));
    let w = wRich;
    for (const e of exactNear) w += e.cw;
    exactNear.sort((x, y) => (x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    let cap: ExactCap | null = null;
    for (const e of exactNear) {
      if (remaining <= e.b * BigInt(w)) {
        cap = { num: remaining, w };
        break;
      }
      remaining -= e.b * BigInt(e.cw);
      w -= e.cw;
    }
    if (cap === null) {
      if (w === 0) return null; // everyone pays all they have and it is still not enough
      cap = { num: remaining, w };
    }
    // Trust the float partition only if the exact cap lies between the richest "poor"
    // class and the poorest "rich" one; otherwise redo everything exactly.
    const capW = BigInt(cap.w);
    const consistent =
      cap.num > 0n &&
      (topPoor < 0 || budgetN(topPoor) * capW <= cap.num) &&
      (bottomRich < 0 || budgetN(bottomRich) * capW >= cap.num);
    if (consistent) return cap;
    if (hint === null) throw new Error("MES: exact cap computation is inconsistent");
    return exactCap(p, null);
  };

  // a's rho compared with b's: rho = cap / utility, cap = num / (w L).
  const compareRho = (pa: number, a: ExactCap, pb: number, b: ExactCap): number => {
    let left = a.num * BigInt(b.w);
    let right = b.num * BigInt(a.w);
    if (utility === "cost") {
      left *= costN[pb];
      right *= costN[pa];
    }
    return left < right ? -1 : left > right ? 1 : 0;
  };

  const pay = (s: number, cap: ExactCap): void => {
    const round = capsN.length;
    const capW = BigInt(cap.w);
    const quick = Number(cap.num) / (cap.w * Number(L));
    const qF = Number.isFinite(quick) && quick > 0 ? quick : new Rational(cap.num, capW * L).toNumber();
    const target = new Map<number, number>(); // class -> class its paying members move to
    const payers = supporters[s];
    for (let i = 0; i < payers.length; i++) {
      const b = payers[i];
      const c = classOf[b];
      if (c === DEAD || weight[c] === 0) continue; // weight 0: the whole class ran out
      let t = target.get(c);
      if (t === undefined) {
        const runsOut =
          budgetF[c] > qF * (1 + EPS)
            ? false
            : budgetF[c] < qF * (1 - EPS)
              ? true
              : budgetN(c) * capW <= cap.num;
        if (projW[c][s] === weight[c]) {
          // The whole class pays: update it in place, or retire it.
          if (runsOut) {
            for (let p = 0; p < numProjects; p++) aliveW[p] -= projW[c][p];
            weight[c] = 0;
          } else {
            budgetF[c] -= qF;
            paid[c].push(round);
          }
          target.set(c, -1);
          continue;
        }
        if (runsOut) t = DEAD;
        else {
          t = budgetF.length;
          budgetF.push(budgetF[c] - qF);
          weight.push(0);
          projW.push(new Float64Array(numProjects));
          paid.push([...paid[c], round]);
          order.push(t);
        }
        target.set(c, t);
      }
      if (t < 0) continue;
      const bw = weights[b];
      const from = projW[c];
      const to = projW[t];
      const ballot = ballots[b];
      if (t === DEAD) {
        for (let j = 0; j < ballot.length; j++) {
          const p = ballot[j];
          from[p] -= bw;
          aliveW[p] -= bw;
        }
      } else {
        for (let j = 0; j < ballot.length; j++) {
          const p = ballot[j];
          from[p] -= bw;
          to[p] += bw;
        }
      }
      weight[c] -= bw;
      weight[t] += bw;
      classOf[b] = t;
    }
    // Exact values move to the new denominator L*w.
    L *= capW;
    b0N *= capW;
    for (let k = 0; k < capsN.length; k++) capsN[k] *= capW;
    for (let p = 0; p < numProjects; p++) costN[p] *= capW;
    capsN.push(cap.num);
    capsRaw.push({ num: cap.num, den: L });
    order = order.filter((c) => weight[c] > 0);
    order.sort((x, y) => budgetF[x] - budgetF[y]);
  };

  const bound = new Float64Array(numProjects);
  for (const p of eligible) bound[p] = costF[p] / (aliveW[p] * utilF(p));
  let active = [...eligible];

  for (;;) {
    active.sort((a, b) => bound[a] - bound[b] || a - b);
    const removed = new Set<number>();
    const evaluated: { p: number; rhoF: number; qF: number; exact: ExactCap | null }[] = [];
    let bestF = Number.POSITIVE_INFINITY;
    for (const p of active) {
      if (bound[p] * (1 - EPS) > bestF * (1 + EPS)) break;
      const r = evalF(p);
      let qF = r.qF;
      let exact: ExactCap | null = null;
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
        qF = new Rational(exact.num, BigInt(exact.w) * L).toNumber();
      }
      const rhoF = qF / utilF(p);
      bound[p] = rhoF;
      evaluated.push({ p, rhoF, qF, exact });
      if (rhoF < bestF) bestF = rhoF;
    }
    let winner = -1;
    let winnerCap: ExactCap | null = null;
    for (const e of evaluated) {
      if (e.rhoF > bestF * (1 + 2 * EPS)) continue;
      const cap = e.exact ?? exactCap(e.p, e.qF);
      if (cap === null) {
        removed.add(e.p); // the floats said affordable by a hair; exactly, it is not
        continue;
      }
      const c = winnerCap === null ? -1 : compareRho(e.p, cap, winner, winnerCap);
      if (c < 0 || (c === 0 && e.p < winner)) {
        winner = e.p;
        winnerCap = cap;
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
  return { selected, caps: () => capsRaw.map((c) => Rational.fraction(c.num, c.den)) };
}
