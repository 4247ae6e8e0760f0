// Voter classes for the Method of Equal Shares, tracked in doubles.
//
// Every voter starts with the same budget and, when a project is funded, each
// supporter either pays the same cap q or runs out. So voters who approve the same
// funded projects always hold the same budget. We keep one class per such group, with
// the weighted count of its members approving each project. Evaluating a project
// costs O(classes), not O(voters); funding one touches only its supporters' ballots.
// Voters who run out move to the dead class 0 and are never looked at again.

import type { Profile } from "./profile.ts";

export const EPS = 1e-9;
const DEAD = 0;

/** How a project's supporters split around a cap: who surely pays all, who surely pays q. */
export type Partition = {
  readonly p: number;
  /** Weight of supporters surely poorer than the cap (they pay everything they have). */
  readonly wPoor: number;
  /** coef[k]: weight of those poor supporters who paid for selection k. */
  readonly coef: Float64Array;
  readonly wRich: number;
  readonly topPoor: number;
  readonly bottomRich: number;
  /** Classes whose budget is within EPS of the cap: only exact arithmetic can place them. */
  readonly near: readonly number[];
};

export type FloatEvaluation = { readonly status: "ok" | "unaffordable" | "ambiguous"; readonly qF: number };

/**
 * Sorts indices by key[index], then by index. Add1 runs MES hundreds of times on small
 * instances, where Array.prototype.sort's per-call overhead dominated; insertion sort is
 * faster for short lists.
 */
export function sortByKey(items: number[], key: ArrayLike<number>): void {
  if (items.length > 48) {
    items.sort((a, b) => key[a] - key[b] || a - b);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    const k = key[item];
    let j = i - 1;
    while (j >= 0 && (key[items[j]] > k || (key[items[j]] === k && items[j] > item))) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
}

export class VoterClasses {
  readonly profile: Profile;
  readonly budgetF: number[];
  readonly weight: number[];
  readonly projW: Float64Array[];
  /** Indices of the selections each class paid for; its exact budget is b0 minus those caps. */
  readonly paid: number[][];
  readonly classOf: Int32Array;
  /** Weighted number of supporters of each project who still have money. */
  readonly aliveW: Float64Array;
  /** Live classes, poorest first. */
  order: number[];

  private readonly totalWeight: number;

  constructor(profile: Profile) {
    this.profile = profile;
    this.totalWeight = 0;
    for (const w of profile.weights) this.totalWeight += w;
    this.budgetF = [];
    this.weight = [];
    this.projW = [new Float64Array(profile.ids.length), profile.approvals.slice()];
    this.paid = [];
    this.classOf = new Int32Array(profile.ballots.length);
    this.aliveW = profile.approvals.slice();
    this.order = [];
  }

  /**
   * Back to the start of a run: everyone in class 1 with budget b0F. Add1 runs MES
   * hundreds of times on small elections, so the arrays are reused, not reallocated.
   */
  reset(b0F: number): this {
    this.budgetF.length = 0;
    this.budgetF.push(0, b0F);
    this.weight.length = 0;
    this.weight.push(0, this.totalWeight);
    this.projW.length = 2;
    this.projW[1].set(this.profile.approvals);
    this.paid.length = 0;
    this.paid.push([], []);
    this.classOf.fill(1);
    this.aliveW.set(this.profile.approvals);
    this.order = this.totalWeight > 0 ? [1] : [];
    return this;
  }

  /** The cap q with sum over supporters of min(budget, q) = cost, in doubles. */
  evaluate(p: number): FloatEvaluation {
    const cost = this.profile.costF[p];
    let remaining = cost;
    let w = this.aliveW[p];
    if (w <= 0) return { status: "unaffordable", qF: 0 };
    for (const c of this.order) {
      const cw = this.projW[c][p];
      if (cw === 0) continue;
      const b = this.budgetF[c];
      if (b * w >= remaining) return { status: "ok", qF: remaining / w };
      remaining -= cw * b;
      w -= cw;
      if (w <= 0) break;
    }
    return { status: remaining > EPS * cost ? "unaffordable" : "ambiguous", qF: 0 };
  }

  /** Splits p's supporters around the hinted cap (no hint: everyone is "near"). */
  partition(p: number, hint: number | null, rounds: number): Partition {
    const lo = hint === null ? Number.NEGATIVE_INFINITY : hint * (1 - EPS);
    const hi = hint === null ? Number.POSITIVE_INFINITY : hint * (1 + EPS);
    const coef = new Float64Array(rounds);
    let wPoor = 0;
    let wRich = 0;
    let topPoor = -1;
    let bottomRich = -1;
    const near: number[] = [];
    for (const c of this.order) {
      const cw = this.projW[c][p];
      if (cw === 0) continue;
      const b = this.budgetF[c];
      if (b < lo) {
        wPoor += cw;
        for (const k of this.paid[c]) coef[k] += cw;
        topPoor = c;
      } else if (b > hi) {
        wRich += cw;
        if (bottomRich < 0) bottomRich = c;
      } else near.push(c);
    }
    return { p, wPoor, coef, wRich, topPoor, bottomRich, near };
  }

  /**
   * Project s is funded at cap qF (selection number `round`). Supporters who hold no
   * more than the cap pay everything and move to the dead class; the others pay qF.
   * `runsOutExactly` settles classes whose budget is within EPS of the cap.
   */
  pay(s: number, qF: number, round: number, runsOutExactly: (c: number) => boolean): void {
    const { ballots, weights, supporters } = this.profile;
    const numProjects = this.profile.ids.length;
    const { budgetF, weight, projW, paid, classOf, aliveW } = this;
    const target = new Map<number, number>(); // class -> class its paying members move to
    const payers = supporters[s];
    for (let i = 0; i < payers.length; i++) {
      const b = payers[i];
      const c = classOf[b];
      if (c === DEAD || weight[c] === 0) continue; // weight 0: the whole class ran out
      let t = target.get(c);
      if (t === undefined) {
        const bc = budgetF[c];
        const runsOut = bc > qF * (1 + EPS) ? false : bc < qF * (1 - EPS) ? true : runsOutExactly(c);
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
          budgetF.push(bc - qF);
          weight.push(0);
          projW.push(new Float64Array(numProjects));
          paid.push([...paid[c], round]);
          this.order.push(t);
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
    this.order = this.order.filter((c) => weight[c] > 0);
    sortByKey(this.order, budgetF);
  }
}
