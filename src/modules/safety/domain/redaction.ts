// Safe redaction for the tenant portal. The portal only ever shows fields chosen from a
// whitelist; on top of that, any free text an officer shares passes through here, so a
// third party's name, address or contact details written into a note are still removed.
//
// Matching is done on a normalised copy of the text (issue 18, finding 7): compatibility forms
// folded (NFKC), accents removed, zero-width and other formatting characters dropped, case
// ignored, and any run of spaces or punctuation between the words of a term accepted. Phone
// numbers match on their digits whatever the spacing, with 0, +44 or 0044 in front; a name also
// matches as its first initial and surname ("J. Blake"). The matched span is removed from the
// original text, so what the complainant reads keeps its own spelling everywhere else.

export type ThirdParty = {
  displayName: string;
  address: string | null;
  contact: string | null;
  externalRef?: string | null;
};

const redacted = "[redacted]";
const separator = "[^\\p{L}\\p{N}]*";
const phoneSeparator = "[\\s\\-.()/]*";

/** One character's folded form: accents and formatting characters removed, lower case. */
function fold(character: string): string {
  return character
    .normalize("NFKD")
    .replace(/[\p{M}\p{Cf}]/gu, "")
    .normalize("NFKC")
    .toLowerCase();
}

/** The folded text, and for each of its characters the span of the original it came from. */
function normalise(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const character of text) {
    const part = fold(character);
    for (let i = 0; i < part.length; i++) {
      from.push(index);
      to.push(index + character.length);
    }
    folded += part;
    index += character.length;
  }
  return { folded, from, to };
}

/** Folds a whole string the same way, for comparing terms with each other. */
export function foldText(text: string): string {
  return normalise(text).folded;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The national digits of a UK phone number (no leading 0 or 44), or null if it is not one. */
function nationalDigits(value: string): string | null {
  if (!/^[+\d\s\-.()/]+$/.test(value.trim())) return null;
  let digits = value.replace(/\D/g, "");
  if (/^\s*(\+|00)\s*44/.test(value)) digits = digits.replace(/^(00)?44/, "");
  digits = digits.replace(/^0/, "");
  return digits.length >= 7 ? digits : null;
}

const patterns = new Map<string, RegExp | null>();

/** The pattern that finds a term in folded text. */
function patternFor(term: string): RegExp | null {
  const cached = patterns.get(term);
  if (cached !== undefined) return cached;
  let pattern: RegExp | null = null;
  const phone = nationalDigits(term);
  if (phone !== null) {
    const digits = [...phone].join(phoneSeparator);
    pattern = new RegExp(
      `(?<!\\d)(?:(?:\\+|00)${phoneSeparator}44${phoneSeparator}(?:\\(0\\)${phoneSeparator})?|0${phoneSeparator})?${digits}(?!\\d)`,
      "gu",
    );
  } else {
    const words = foldText(term)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0);
    // A lone initial must start a word: "J Blake" is not the end of "Raj Blake".
    const start = words[0]?.length === 1 ? "(?<![\\p{L}\\p{N}])" : "";
    if (words.length > 0) pattern = new RegExp(start + words.map(escapeRegExp).join(separator), "gu");
  }
  // Terms are people's details: keep only a bounded number of compiled patterns.
  if (patterns.size >= 2000) patterns.clear();
  patterns.set(term, pattern);
  return pattern;
}

/** The strings to remove for these parties: whole values first, then name words of 3+ letters. */
export function redactionTerms(parties: ThirdParty[], keep: string[] = []): string[] {
  const keepWords = new Set(keep.flatMap((value) => foldText(value).split(/[^\p{L}\p{N}]+/u)));
  const terms = new Set<string>();
  for (const party of parties) {
    for (const value of [party.displayName, party.address, party.contact, party.externalRef]) {
      const trimmed = value?.trim();
      if (trimmed && trimmed.length >= 2) terms.add(trimmed);
    }
    // A contact may hold a phone number and an email address together.
    for (const part of (party.contact ?? "").split(/[,;]|\s(?=[^\s@]+@)/)) {
      if (part.trim().length >= 2) terms.add(part.trim());
    }
    const words = party.displayName.split(/[\s,]+/).filter((word) => word.length > 0);
    for (const word of words) {
      if (word.length >= 3 && !keepWords.has(foldText(word))) terms.add(word);
    }
    // "J. Blake" and "J Blake": the initial with the surname, even when the surname is the complainant's too.
    if (words.length >= 2) terms.add(`${words[0].slice(0, 1)} ${words[words.length - 1]}`);
    for (const part of (party.address ?? "").split(/,\s*/)) {
      if (part.trim().length >= 4) terms.add(part.trim());
      // The street without its house number ("Cedar Road" for "14 Cedar Road").
      const street = part.trim().replace(/^\d+[a-z]?\s+/i, "");
      if (street !== part.trim() && street.length >= 4) terms.add(street);
    }
  }
  // Longest first, so "Jane Smith" goes before "Smith".
  return [...terms].sort((a, b) => b.length - a.length);
}

export function redact(text: string, terms: string[]): string {
  const { folded, from, to } = normalise(text);
  // Every match of every term on the same folded text, then overlapping spans joined into one.
  const spans: [number, number][] = [];
  for (const term of terms) {
    const pattern = patternFor(term);
    if (pattern === null) continue;
    for (const match of folded.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      let start = from[match.index];
      const end = to[match.index + match[0].length - 1];
      // "(07700) 900111": the match closes a bracket it did not open, so take the opening one too.
      if (
        text[start - 1] === "(" &&
        text.slice(start, end).includes(")") &&
        !text.slice(start, end).includes("(")
      )
        start--;
      spans.push([start, end]);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let result = "";
  let kept = 0;
  let open: [number, number] | null = null;
  for (const span of spans) {
    if (open !== null && span[0] <= open[1]) {
      open[1] = Math.max(open[1], span[1]);
      continue;
    }
    if (open !== null) {
      result += text.slice(kept, open[0]) + redacted;
      kept = open[1];
    }
    open = [...span];
  }
  if (open !== null) {
    result += text.slice(kept, open[0]) + redacted;
    kept = open[1];
  }
  return result + text.slice(kept);
}
