// Voter classes for the Method of Equal Shares, tracked in doubles.
//
// Every voter starts with the same budget and, when a project is funded, each
// supporter either pays the same cap q or runs out. So voters who approve the same
// funded projects always hold the same budget. We keep one class per such group, with
// the weighted count of its members approving each project. Evaluating a project
// costs O(classes), not O(voters); funding one touches only its supporters' ballots.
// Voters who run out move to the dead class 0 and are never looked at again.

import type { Profile } from "./profile.ts";
import { filled } from "./profile.ts";

export const EPS = 1e-9;
const DEAD = 0;

/** How a project's supporters split around a cap: who surely pays all, who surely pays q. */
export type Partition = {
  readonly p: number;
  /** Weight of supporters surely poorer than the cap (they pay everything they have). */
  readonly wPoor: number;
  /** coef[k]: weight of those poor supporters who paid for selection k. */
  readonly coef: readonly number[];
  readonly wRich: number;
  readonly topPoor: number;
  readonly bottomRich: number;
  /** Classes whose budget is within EPS of the cap: only exact arithmetic can place them. */
  readonly near: readonly number[];
};

const noPayments: number[] = [];

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
  private readonly numProjects: number;
  readonly budgetF: number[];
  readonly weight: number[];
  /**
   * Weighted number of members of class c approving project p, at pw[c * numProjects + p].
   * One flat buffer for all classes: allocating a small typed array per new class was
   * a fifth of the run time.
   */
  private readonly pw: number[];
  /** Indices of the selections each class paid for; its exact budget is b0 minus those caps. */
  readonly paid: number[][];
  readonly classOf: number[];
  /** Weighted number of supporters of each project who still have money. */
  readonly aliveW: number[];
  /** Classes in use this run (the per-class arrays may hold more, left from earlier runs). */
  private classes = 2;
  /** Scratch for MES: each project's lower bound on its price per unit of utility. */
  readonly bound: number[];
  /** Live classes, poorest first. */
  order: number[];
  private readonly totalWeight: number;
  // Per-payment scratch: where each class's payers go, valid when stamp[c] === payId.
  // Every per-class array starts with 2 entries, so reset never lengthens one (holes are slow).
  private readonly target: number[] = [0, 0];
  private readonly stamp: number[] = [0, 0];
  private payId = 0;

  constructor(profile: Profile) {
    this.profile = profile;
    this.numProjects = profile.ids.length;
    this.totalWeight = 0;
    for (const w of profile.weights) this.totalWeight += w;
    this.budgetF = [0, 0];
    this.weight = [0, 0];
    // Plain arrays, not typed arrays: on a small election, allocating typed arrays was
    // a third of an MES run. pw starts with room for the two first classes; newClass
    // grows it.
    this.pw = filled(this.numProjects * 2, 0);
    this.paid = [[], []];
    this.classOf = filled(profile.ballots.length, 1);
    this.aliveW = Array.from(profile.approvals);
    this.bound = filled(this.numProjects, 0);
    this.order = [];
  }

  /**
   * Back to the start of a run: everyone in class 1 with budget b0F. Add1 runs MES
   * hundreds of times on small elections, so the arrays are reused, not reallocated.
   */
  reset(b0F: number): this {
    // The per-class arrays keep their old entries past `classes`: setting an array's
    // length is a slow runtime call, and Add1 resets hundreds of times.
    this.classes = 2;
    this.budgetF[0] = 0;
    this.budgetF[1] = b0F;
    this.weight[0] = 0;
    this.weight[1] = this.totalWeight;
    const { approvals } = this.profile;
    const P = this.numProjects;
    for (let p = 0; p < P; p++) {
      this.pw[p] = 0;
      this.pw[P + p] = approvals[p];
    }
    this.paid[0] = [];
    this.paid[1] = [];
    this.target[0] = 0;
    this.target[1] = 0;
    this.stamp[0] = 0;
    this.stamp[1] = 0;
    this.classOf.fill(1);
    for (let p = 0; p < P; p++) this.aliveW[p] = approvals[p];
    this.order = this.totalWeight > 0 ? [1] : [];
    return this;
  }

  /** Weighted number of members of class c who approve project p. */
  weightOf(c: number, p: number): number {
    return this.pw[c * this.numProjects + p];
  }

  /** The cap q with sum over supporters of min(budget, q) = cost, in doubles. */
  evaluate(p: number): FloatEvaluation {
    const cost = this.profile.costF[p];
    const { pw, numProjects, budgetF } = this;
    let remaining = cost;
    let w = this.aliveW[p];
    if (w <= 0) return { status: "unaffordable", qF: 0 };
    for (const c of this.order) {
      const cw = pw[c * numProjects + p];
      if (cw === 0) continue;
      const b = budgetF[c];
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
    // Allocated only when some supporter is poor: most rounds have none.
    let coef: number[] = noPayments;
    let wPoor = 0;
    let wRich = 0;
    let topPoor = -1;
    let bottomRich = -1;
    const near: number[] = [];
    for (const c of this.order) {
      const cw = this.pw[c * this.numProjects + p];
      if (cw === 0) continue;
      const b = this.budgetF[c];
      if (b < lo) {
        wPoor += cw;
        if (coef === noPayments) coef = new Array<number>(rounds).fill(0);
        for (const k of this.paid[c]) coef[k] += cw;
        topPoor = c;
      } else if (b > hi) {
        wRich += cw;
        if (bottomRich < 0) bottomRich = c;
      } else near.push(c);
    }
    return { p, wPoor, coef, wRich, topPoor, bottomRich, near };
  }

  /** A new, empty class with the given budget and payments. */
  private newClass(budget: number, paid: number[]): number {
    const t = this.classes;
    const P = this.numProjects;
    const { pw } = this;
    const start = t * P;
    // Earlier runs (Add1) may have left the class's slots in place: reuse them.
    const reused = Math.min(pw.length, start + P);
    for (let i = start; i < reused; i++) pw[i] = 0;
    for (let i = reused; i < start + P; i++) pw.push(0);
    this.classes++;
    if (t < this.budgetF.length) {
      this.budgetF[t] = budget;
      this.weight[t] = 0;
      this.paid[t] = paid;
      this.target[t] = 0;
      this.stamp[t] = 0;
    } else {
      this.budgetF.push(budget);
      this.weight.push(0);
      this.paid.push(paid);
      this.target.push(0);
      this.stamp.push(0);
    }
    return t;
  }

  /**
   * Project s is funded at cap qF (selection number `round`). Supporters who hold no
   * more than the cap pay everything and move to the dead class; the others pay qF.
   * `runsOutExactly` settles classes whose budget is within EPS of the cap.
   */
  pay(s: number, qF: number, round: number, runsOutExactly: (c: number) => boolean): void {
    const { ballots, weights, supporters } = this.profile;
    const P = this.numProjects;
    const { budgetF, weight, paid, classOf, aliveW, target, stamp } = this;
    this.payId++;
    const id = this.payId;
    const SAME = -1; // the whole class paid: updated in place (or retired)
    const payers = supporters[s];
    for (let i = 0; i < payers.length; i++) {
      const b = payers[i];
      const c = classOf[b];
      if (c === DEAD || weight[c] === 0) continue; // weight 0: the whole class ran out
      let t: number;
      if (stamp[c] === id) t = target[c];
      else {
        const bc = budgetF[c];
        const runsOut = bc > qF * (1 + EPS) ? false : bc < qF * (1 - EPS) ? true : runsOutExactly(c);
        if (this.pw[c * P + s] === weight[c]) {
          if (runsOut) {
            for (let p = 0; p < P; p++) aliveW[p] -= this.pw[c * P + p];
            weight[c] = 0;
          } else {
            budgetF[c] -= qF;
            paid[c].push(round);
          }
          t = SAME;
        } else t = runsOut ? DEAD : this.newClass(bc - qF, [...paid[c], round]);
        stamp[c] = id;
        target[c] = t;
      }
      if (t === SAME) continue;
      const pw = this.pw;
      const bw = weights[b];
      const from = c * P;
      const ballot = ballots[b];
      if (t === DEAD) {
        for (let j = 0; j < ballot.length; j++) {
          const p = ballot[j];
          pw[from + p] -= bw;
          aliveW[p] -= bw;
        }
      } else {
        const to = t * P;
        for (let j = 0; j < ballot.length; j++) {
          const p = ballot[j];
          pw[from + p] -= bw;
          pw[to + p] += bw;
        }
      }
      weight[c] -= bw;
      weight[t] += bw;
      classOf[b] = t;
    }
    this.order = this.reorder(id);
  }

  /**
   * The new budget order, without sorting. Classes that did not pay keep their budgets
   * and their order. Those that paid (in place, or the new classes split off) all lost
   * the same qF, so in their parents' order they are still sorted. Merge the two lists.
   */
  private reorder(id: number): number[] {
    const { budgetF, weight, target, stamp } = this;
    const kept: number[] = [];
    const paidNow: number[] = [];
    for (const c of this.order) {
      const touched = stamp[c] === id;
      if (touched && target[c] === -1) {
        if (weight[c] > 0) paidNow.push(c);
        continue;
      }
      if (weight[c] > 0) kept.push(c);
      if (touched && target[c] !== DEAD && weight[target[c]] > 0) paidNow.push(target[c]);
    }
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length && j < paidNow.length) {
      merged.push(budgetF[kept[i]] <= budgetF[paidNow[j]] ? kept[i++] : paidNow[j++]);
    }
    while (i < kept.length) merged.push(kept[i++]);
    while (j < paidNow.length) merged.push(paidNow[j++]);
    return merged;
  }
}
