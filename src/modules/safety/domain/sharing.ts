// What an officer can share with a partner agency. The heading of a case (reference, category,
// status, opened date) is always visible to the agency it is shared with; each part below must be
// chosen. A part unlocks named personal-data columns (see the tags in schema.ts): a tagged column
// no part unlocks (party notes, action details, documents) is never shown to a partner.

export const shareableParts = [
  "summary",
  "parties-names",
  "parties-contact",
  "risk",
  "actions",
  "timeline",
] as const;
export type SharedPart = (typeof shareableParts)[number];

export const sharedPartNames: Record<SharedPart, string> = {
  summary: "What happened (the case summary, next step and any hate-incident strand)",
  "parties-names": "The parties' names and roles",
  "parties-contact": "The parties' addresses, contact details and dates of birth",
  risk: "Risk assessments, vulnerability and safeguarding flags",
  actions: "Actions and remedies (type, dates and status)",
  timeline: "The timeline of reports (including the first report), contacts and notes",
};

/** Tagged columns (table → Drizzle property names) each part lets a partner see. */
export const columnsUnlockedBy: Record<SharedPart, Record<string, string[]>> = {
  summary: { safety_case: ["summary", "nextStep", "hateStrand"] },
  "parties-names": { safety_party: ["displayName", "externalRef"] },
  "parties-contact": { safety_party: ["address", "contact", "dateOfBirth"] },
  risk: {
    safety_case: ["safeguardingFlags"],
    safety_party: ["vulnerabilityNote"],
    safety_risk_assessment: ["answers"],
  },
  actions: {},
  timeline: { safety_timeline_entry: ["title", "body"] },
};

export function isSharedPart(value: string): value is SharedPart {
  return (shareableParts as readonly string[]).includes(value);
}

/** A share is current until an officer ends it, and lapses after its expiry date (if it has one). */
export function isShareCurrent(
  share: { endedAt: Date | null; expiresOn: string | null },
  today: string,
): boolean {
  return share.endedAt === null && (share.expiresOn === null || share.expiresOn >= today);
}

/** Several current shares of one case with one agency: the agency sees what any of them shares. */
export function partsOf(shares: { sharedParts: string[] }[]): SharedPart[] {
  const chosen = new Set(shares.flatMap((s) => s.sharedParts));
  return shareableParts.filter((part) => chosen.has(part));
}
