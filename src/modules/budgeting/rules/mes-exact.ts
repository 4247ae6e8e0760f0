// Exact bookkeeping for one MES run, kept lazily.
//
// All exact values are BigInt numerators over one shared denominator L. A class's
// budget is b0 minus the caps it paid. Each cap is (integer) / (W * L) for an integer
// weight W, so when a cap is recorded we multiply L and every stored numerator by W:
// no gcd anywhere, which used to dominate the run time.
//
// Most rounds need no exact arithmetic at all: the doubles are clear of every boundary.
// Such a round is recorded as its float partition (who is surely poor, who surely rich)
// and turned into an exact cap only if a later comparison is too close for doubles.
// Then `settle` replays the pending rounds in order. A recorded partition is
// self-contained, so replaying it later gives the same cap as doing it at the time.

import type { Partition } from "./mes-classes.ts";
import type { Profile } from "./profile.ts";
import { Rational } from "./rational.ts";

/** An exact cap num / (w * L), in units of the shared denominator L at the time. */
export type ExactCap = { readonly num: bigint; readonly w: number };

export class ExactLedger {
  private L = 0n;
  private b0N = 0n;
  private readonly scale: bigint;
  private readonly costInt: readonly bigint[];
  /** A cost in units of L is costInt * costMul: computed when asked, as few runs need any. */
  private costMul = 0n;
  /** The exact starting budget, until it is first needed (many runs never need it). */
  private start: (() => Rational) | null;
  private readonly capsN: bigint[] = [];
  private readonly capsRaw: { num: bigint; den: bigint }[] = [];
  private readonly pending: Partition[] = [];

  constructor(profile: Profile, startBudget: () => Rational) {
    this.scale = profile.scale;
    this.costInt = profile.costInt;
    this.start = startBudget;
  }

  private begin(): void {
    if (this.start === null) return;
    const start = this.start();
    this.start = null;
    // L need not be the least common denominator, so take the product: no gcd.
    this.L = start.den * this.scale;
    this.b0N = start.num * this.scale;
    this.costMul = start.den;
  }

  /** Number of selections recorded so far, exact or pending. */
  get rounds(): number {
    return this.capsN.length + this.pending.length;
  }

  /** Records a selection whose cap is left implicit in its (boundary-free) partition. */
  defer(part: Partition): void {
    this.pending.push(part);
  }

  /** Records a selection with its exact cap. Pending rounds must be settled first. */
  commit(cap: ExactCap): void {
    if (this.pending.length > 0) throw new Error("MES: commit before settle");
    this.begin();
    const w = BigInt(cap.w);
    this.L *= w;
    this.b0N *= w;
    for (let k = 0; k < this.capsN.length; k++) this.capsN[k] *= w;
    this.costMul *= w;
    this.capsN.push(cap.num);
    this.capsRaw.push({ num: cap.num, den: this.L });
  }

  private costN(p: number): bigint {
    return this.costInt[p] * this.costMul;
  }

  /** Makes every recorded cap exact. */
  settle(): void {
    if (this.pending.length === 0) return;
    const queue = this.pending.splice(0);
    for (const part of queue) {
      const cap = this.capOf(part, false);
      if (cap === null) throw new Error("MES: a recorded selection turned out unaffordable");
      this.commit(cap);
    }
  }

  /** Exact budget of a class that paid for the given selections (all settled). */
  budget(paid: readonly number[]): bigint {
    this.begin();
    let b = this.b0N;
    for (const k of paid) b -= this.capsN[k];
    return b;
  }

  /** Whether a class with these payments holds no more than the cap of selection `round`. */
  runsOut(paid: readonly number[], round: number): boolean {
    this.settle();
    return this.budget(paid) <= this.capsN[round];
  }

  /**
   * The exact cap of a partition, or null when its supporters cannot afford it.
   * Classes near the cap are placed exactly; `check` also verifies that the float
   * partition was right (the cap lies between the richest poor and poorest rich class)
   * and throws InconsistentPartition when it was not, so the caller can redo it with no
   * hint. Needs every earlier selection settled.
   */
  capOf(
    part: Partition,
    check: boolean,
    paidOf: (c: number) => readonly number[] = () => [],
    weightOf: (c: number) => number = () => 0,
  ): ExactCap | null {
    this.begin();
    let remaining = this.costN(part.p) - this.b0N * BigInt(part.wPoor);
    for (let k = 0; k < part.coef.length; k++) {
      if (part.coef[k] !== 0) remaining += this.capsN[k] * BigInt(part.coef[k]);
    }
    const near = part.near.map((c) => ({ b: this.budget(paidOf(c)), cw: weightOf(c) }));
    let w = part.wRich;
    for (const e of near) w += e.cw;
    near.sort((x, y) => (x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    let cap: ExactCap | null = null;
    for (const e of near) {
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
    if (!check) return cap;
    const capW = BigInt(cap.w);
    const consistent =
      cap.num > 0n &&
      (part.topPoor < 0 || this.budget(paidOf(part.topPoor)) * capW <= cap.num) &&
      (part.bottomRich < 0 || this.budget(paidOf(part.bottomRich)) * capW >= cap.num);
    if (!consistent) throw new InconsistentPartition();
    return cap;
  }

  /** Compares rho = cap / utility of two projects' caps (same L). */
  compareRho(utility: "cost" | "approval", pa: number, a: ExactCap, pb: number, b: ExactCap): number {
    this.begin();
    let left = a.num * BigInt(b.w);
    let right = b.num * BigInt(a.w);
    if (utility === "cost") {
      left *= this.costN(pb);
      right *= this.costN(pa);
    }
    return left < right ? -1 : left > right ? 1 : 0;
  }

  toNumber(cap: ExactCap): number {
    this.begin();
    return new Rational(cap.num, BigInt(cap.w) * this.L).toNumber();
  }

  /** Every cap as a normalised rational. */
  caps(): Rational[] {
    this.settle();
    return this.capsRaw.map((c) => Rational.fraction(c.num, c.den));
  }
}

/** The float partition put a class on the wrong side of the cap: redo it with no hint. */
export class InconsistentPartition extends Error {
  constructor() {
    super("MES: float partition inconsistent with the exact cap");
  }
}
