// Safe redaction for the tenant portal. The portal only ever shows fields chosen from a
// whitelist; on top of that, any free text an officer shares passes through here, so a
// third party's name, address or contact details written into a note are still removed.

export type ThirdParty = {
  displayName: string;
  address: string | null;
  contact: string | null;
  externalRef?: string | null;
};

const redacted = "[redacted]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The strings to remove for these parties: whole values first, then name words of 3+ letters. */
export function redactionTerms(parties: ThirdParty[], keep: string[] = []): string[] {
  const keepWords = new Set(keep.flatMap((value) => value.toLowerCase().split(/\s+/)));
  const terms = new Set<string>();
  for (const party of parties) {
    for (const value of [party.displayName, party.address, party.contact, party.externalRef]) {
      const trimmed = value?.trim();
      if (trimmed && trimmed.length >= 2) terms.add(trimmed);
    }
    for (const word of party.displayName.split(/[\s,]+/)) {
      if (word.length >= 3 && !keepWords.has(word.toLowerCase())) terms.add(word);
    }
    for (const part of (party.address ?? "").split(/,\s*/)) {
      if (part.trim().length >= 4) terms.add(part.trim());
    }
  }
  // Longest first, so "Jane Smith" goes before "Smith".
  return [...terms].sort((a, b) => b.length - a.length);
}

export function redact(text: string, terms: string[]): string {
  let result = text;
  for (const term of terms) {
    result = result.replace(new RegExp(escapeRegExp(term), "gi"), redacted);
  }
  return result;
}
