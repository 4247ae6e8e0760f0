import { describe, expect, it } from "vitest";
import { remembered } from "./remember.ts";

describe("remembered", () => {
  it("computes each key once, gives the same answer again, and starts afresh when full", () => {
    const asked: string[] = [];
    const upper = remembered((key: string) => {
      asked.push(key);
      return key.toUpperCase();
    }, 2);
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(asked).toEqual(["a", "b"]);
    // A third key fills it past its limit: it forgets a and b, so a is computed again.
    expect([upper("c"), upper("a")]).toEqual(["C", "A"]);
    expect(asked).toEqual(["a", "b", "c", "a"]);
  });

  it("remembers nothing when the computation throws", () => {
    let calls = 0;
    const strict = remembered((key: number) => {
      calls++;
      if (key < 0) throw new RangeError("negative");
      return key * 2;
    });
    expect(() => strict(-1)).toThrow(RangeError);
    expect(() => strict(-1)).toThrow(RangeError);
    expect(calls).toBe(2);
  });
});
