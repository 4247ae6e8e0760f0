// Exact rational numbers on BigInt. Every decision a PB rule makes (who wins,
// whether a project still fits, whether two projects are tied) must be exact:
// with floats, ties flip and the exhaustiveness test of Add1 gives a different
// answer. Values are always normalised (den > 0, gcd(num, den) = 1), so equal
// rationals have equal fields and `equals` is a field comparison.

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

const MAX_EXACT = 2n ** 53n;

function bitLength(x: bigint): number {
  // Hex digits x 4 may overshoot by up to 3 bits; callers only need it for scaling.
  return x === 0n ? 0 : (x < 0n ? -x : x).toString(16).length * 4;
}

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  // Use Rational.of / Rational.fraction, which normalise. The constructor does not: the
  // MES and Phragmén hot paths build unreduced fractions on purpose, only to read
  // num/den or call toNumber, to skip a gcd. equals() and toExactString() need the
  // normalised form.
  constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(value: bigint | number): Rational {
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value))
        throw new RangeError(`Rational.of needs a safe integer, got ${value}`);
      return new Rational(BigInt(value), 1n);
    }
    return new Rational(value, 1n);
  }

  static fraction(num: bigint, den: bigint): Rational {
    if (den === 0n) throw new RangeError("division by zero");
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.fraction(this.num + o.num, this.den);
    return Rational.fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.fraction(this.num - o.num, this.den);
    return Rational.fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    return Rational.fraction(this.num * o.num, this.den * o.den);
  }

  mulInt(k: bigint | number): Rational {
    return Rational.fraction(this.num * BigInt(k), this.den);
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("division by zero");
    return Rational.fraction(this.num * o.den, this.den * o.num);
  }

  divInt(k: bigint | number): Rational {
    return Rational.fraction(this.num, this.den * BigInt(k));
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** -1, 0 or 1. Cross-multiplication is exact because both denominators are positive. */
  cmp(o: Rational): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  sign(): number {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /**
   * Nearest double, for display and for the fast float filter only. Number(num)/Number(den)
   * would give NaN once either side passes 2^1024, which MES denominators can do, so both
   * are shifted down to about 64 significant bits first.
   */
  toNumber(): number {
    const abs = this.num < 0n ? -this.num : this.num;
    if (abs <= MAX_EXACT && this.den <= MAX_EXACT) return Number(this.num) / Number(this.den);
    const nb = bitLength(this.num);
    const db = bitLength(this.den);
    if (nb <= 53 && db <= 53) return Number(this.num) / Number(this.den);
    const shiftN = Math.max(0, nb - 64);
    const shiftD = Math.max(0, db - 64);
    const n = Number(this.num >> BigInt(shiftN));
    const d = Number(this.den >> BigInt(shiftD));
    return (n / d) * 2 ** (shiftN - shiftD);
  }

  /** True when the value has a finite decimal expansion (den = 2^a 5^b). */
  isDecimal(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * Exact decimal text when there is one ("748772.64", "-3", "0.5"), with no trailing
   * zeros; otherwise the reduced fraction "num/den". Never rounded.
   */
  toExactString(): string {
    if (!this.isDecimal()) return `${this.num}/${this.den}`;
    let digits = 0;
    let scale = 1n;
    while ((this.num * scale) % this.den !== 0n) {
      scale *= 10n;
      digits++;
    }
    const scaled = (this.num * scale) / this.den;
    const negative = scaled < 0n;
    const abs = (negative ? -scaled : scaled).toString().padStart(digits + 1, "0");
    const intPart = abs.slice(0, abs.length - digits);
    const frac = abs.slice(abs.length - digits);
    return `${negative ? "-" : ""}${intPart}${digits > 0 ? `.${frac}` : ""}`;
  }

  /** Rounded decimal text for people, e.g. toFixed(2) = "86.08". Rounds half away from zero. */
  toFixed(digits: number): string {
    const scale = 10n ** BigInt(digits);
    const negative = this.num < 0n;
    const abs = negative ? -this.num : this.num;
    const rounded = (abs * scale * 2n + this.den) / (this.den * 2n);
    const text = rounded.toString().padStart(digits + 1, "0");
    const intPart = text.slice(0, text.length - digits);
    const frac = text.slice(text.length - digits);
    const body = digits > 0 ? `${intPart}.${frac}` : intPart;
    return negative && rounded !== 0n ? `-${body}` : body;
  }

  toString(): string {
    return this.toExactString();
  }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Parses a decimal number as written in a pabulib file: "1200", "748772.64", "0,5"
 * (comma as the decimal point), "-3". Returns null for anything else, so callers can
 * report the offending text with its line number.
 */
export function parseDecimal(text: string): Rational | null {
  const trimmed = text.trim().replace(",", ".");
  const m = DECIMAL.exec(trimmed);
  if (!m) return null;
  const intDigits = m[2] ?? "";
  const fracDigits = m[3] ?? "";
  if (intDigits.length === 0 && fracDigits.length === 0) return null;
  const num = BigInt(`${intDigits || "0"}${fracDigits}`);
  const den = 10n ** BigInt(fracDigits.length);
  return Rational.fraction(m[1] === "-" ? -num : num, den);
}
