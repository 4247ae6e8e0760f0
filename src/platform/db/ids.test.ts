import { describe, expect, it } from "vitest";
import { isUuid, newId } from "./ids.ts";

describe("ids", () => {
  it("makes RFC 9562 version 7 UUIDs that sort by creation time", () => {
    const early = newId(Date.UTC(2026, 0, 1));
    const late = newId(Date.UTC(2026, 0, 2));
    expect(isUuid(early)).toBe(true);
    expect(early[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(early[19]);
    expect(early < late).toBe(true);
    expect(early.slice(0, 13).replace("-", "")).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, "0"));
  });
  it("never repeats across many ids in the same millisecond", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
  it("rejects anything that is not a UUID", () => {
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid("0190a000-0000-7000-8000-00000000beef")).toBe(true);
  });
});
