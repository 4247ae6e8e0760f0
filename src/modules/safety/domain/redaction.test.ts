import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, redact, redactionTerms } from "./redaction.ts";

// Issue 18, finding 7: an officer's published note reached the complainant unredacted when the
// perpetrator's phone or name was written another way. These are the variants people write.

const zeroWidth = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];
const accented: Record<string, string> = { a: "á", e: "é", i: "í", o: "ö", u: "ü", c: "ç", n: "ñ" };

const party = { displayName: "Jordan Blake", address: "14 Cedar Road, Chatham", contact: "07700 900111" };

describe("redaction of the variants people write", () => {
  const terms = redactionTerms([party], ["Ruth Blake"]);

  it.each([
    "07700900111",
    "+44 7700 900111",
    "07700-900-111",
    "(07700) 900 111",
    "+44 (0)7700 900111",
    "0044 7700 900 111",
  ])("removes the phone number written %s", (written) => {
    expect(redact(`Call ${written} after six`, terms)).toBe("Call [redacted] after six");
  });

  it("removes names with accents, zero-width characters, other case or as initial and surname", () => {
    expect(redact("Jórdan met us", terms)).toBe("[redacted] met us");
    expect(redact("JOR\u200bDAN BLAKE shouted", terms)).toBe("[redacted] shouted");
    expect(redact("J. Blake and R. Blake", terms)).toBe("[redacted] and R. Blake");
    expect(redact("Ruth Blake called", terms)).toBe("Ruth Blake called");
    expect(redact("14  Cedar   Road", terms)).toBe("[redacted]");
  });

  it("leaves a longer name that only ends in the initial and surname", () => {
    const blake = redactionTerms([{ displayName: "J Blake", address: null, contact: null }], ["Raj Blake"]);
    expect(redact("Raj Blake called", blake)).toBe("Raj Blake called");
  });

  it("does not touch other numbers that share some digits", () => {
    expect(redact("Ref 177009001110 and 7700", terms)).toBe("Ref 177009001110 and 7700");
  });
});

// Property: whatever way a third party's details are written into published text, none of them
// can be read in what the complainant sees (compared after the same folding a reader's eye does).
const fillerWords = ["the officer", "visited", "on Tuesday", "said", "and", "near the shop", "—", ","];
const filler = fc.constantFrom(...fillerWords);
// Generated details never occur in the filler by chance, so what is found after redaction is a leak.
const letters = fc.stringMatching(/^[a-z]{3,9}$/).filter((word) => !fillerWords.join(" ").includes(word));
const capitalised = letters.map((word) => word[0].toUpperCase() + word.slice(1));

/** A written variant of a name: case, accents and zero-width characters changed. */
function nameVariant(name: string, seed: number[]): string {
  return [...name]
    .map((character, index) => {
      const roll = seed[index % seed.length];
      let out = roll % 3 === 0 ? character.toUpperCase() : character.toLowerCase();
      if (roll % 5 === 1 && accented[character.toLowerCase()]) out = accented[character.toLowerCase()];
      if (roll % 7 === 2) out += zeroWidth[roll % zeroWidth.length];
      return out;
    })
    .join("");
}

const phoneFormats = [
  (d: string) => `0${d}`,
  (d: string) => `+44 ${d.slice(0, 4)} ${d.slice(4)}`,
  (d: string) => `0${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`,
  (d: string) => `(0${d.slice(0, 4)}) ${d.slice(4)}`,
  (d: string) => `0044${d}`,
  (d: string) => `+44 (0)${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
];

describe("redaction property", () => {
  it("never lets a written variant of a third party's name, phone, email or street through", () => {
    fc.assert(
      fc.property(
        capitalised,
        capitalised,
        fc.stringMatching(/^7[0-9]{9}$/),
        letters,
        capitalised,
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
        fc.nat(phoneFormats.length - 1),
        fc.array(filler, { minLength: 1, maxLength: 4 }),
        (given, family, phone, mailbox, street, seed, format, words) => {
          const third = {
            displayName: `${given} ${family}`,
            address: `${seed[0] % 90} ${street} Road, Gillingham`,
            contact: `0${phone}, ${mailbox}@example.net`,
          };
          const written = [
            nameVariant(`${given} ${family}`, seed),
            `${given[0]}. ${nameVariant(family, seed)}`,
            phoneFormats[format](phone),
            `${mailbox.toUpperCase()}@Example.NET`,
            `${nameVariant(street, seed)} Road`,
          ];
          const text = written.map((part, i) => `${words[i % words.length]} ${part}`).join(" ");
          const shown = foldText(redact(text, redactionTerms([third], ["Ruth Turner"]))).replaceAll(
            "[redacted]",
            "|",
          );
          for (const secret of [given, family, street, `${mailbox}@example.net`]) {
            expect(shown).not.toContain(foldText(secret));
          }
          expect(shown.replace(/\D/g, "")).not.toContain(phone);
        },
      ),
      { numRuns: 300 },
    );
  });
});
