import { describe, expect, it } from "vitest";
import { fieldCipher } from "./field-encryption.ts";

const secret = "a-signing-secret-of-some-length";

describe("field encryption", () => {
  it("round-trips, and never repeats a ciphertext or shows the clear value", () => {
    const cipher = fieldCipher(secret);
    const first = cipher.encrypt("12-34-56 12345678", "org:grant");
    const second = cipher.encrypt("12-34-56 12345678", "org:grant");
    expect(first).not.toBe(second);
    expect(first).not.toContain("12345678");
    expect(first.startsWith("v1.")).toBe(true);
    expect(cipher.decrypt(first, "org:grant")).toBe("12-34-56 12345678");
    expect(cipher.decrypt(cipher.encrypt("", "c"), "c")).toBe("");
  });

  it("refuses a value moved to another record, altered, or sealed with another key", () => {
    const cipher = fieldCipher(secret);
    const sealed = cipher.encrypt("87654321", "org:grant-a");
    expect(() => cipher.decrypt(sealed, "org:grant-b")).toThrow();
    const [v, iv, tag, body] = sealed.split(".");
    // The first character carries whole bits of the first byte (the last may be only padding).
    const flipped = `${body.startsWith("A") ? "B" : "A"}${body.slice(1)}`;
    expect(() => cipher.decrypt([v, iv, tag, flipped].join("."), "org:grant-a")).toThrow();
    expect(() => fieldCipher(`${secret}-rotated`).decrypt(sealed, "org:grant-a")).toThrow();
    expect(() => cipher.decrypt("plain text", "org:grant-a")).toThrow("Not an encrypted field value.");
    expect(() => fieldCipher("short")).toThrow();
  });
});
