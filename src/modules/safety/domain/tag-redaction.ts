import { type PersonalDataCategory, personalDataTags } from "../../../platform/audit/personal-data.ts";
import { redact } from "./redaction.ts";
import { columnsUnlockedBy, type SharedPart } from "./sharing.ts";

// Redaction driven by the personal-data tags. Every viewer outside case work goes through here:
// the data subject (subject access, the portal), a third party, and a partner agency with the parts
// of a case shared with it. Untagged columns pass through; the caller's query decides which of
// those it selects.

export type Viewer =
  /** The person the record is about or who reported it: sees their data; free text is redacted. */
  | { kind: "data-subject"; terms: string[] }
  /** Someone the row is not about: sees no tagged column at all. */
  | { kind: "third-party" }
  /** A partner agency: sees the tagged columns its shared parts unlock; free text is redacted. */
  | { kind: "partner"; parts: SharedPart[]; terms: string[] };

export type TagSource = ReadonlyMap<string, Record<string, PersonalDataCategory>>;

function mayPartnerSee(table: string, column: string, parts: SharedPart[]): boolean {
  return parts.some((part) => columnsUnlockedBy[part][table]?.includes(column) ?? false);
}

/**
 * The row as this viewer may see it: tagged columns the viewer may not see are removed (absent, not
 * blanked), and criminal-offence free text is passed through name and address redaction. Criminal-
 * offence values that are not text (action details, document content) cannot be redacted safely,
 * so they are removed for every viewer here.
 */
export function viewRow<Row extends Record<string, unknown>>(
  table: string,
  row: Row,
  viewer: Viewer,
  tags: TagSource = personalDataTags(),
): Partial<Row> {
  const tagged = tags.get(table) ?? {};
  const result: Partial<Row> = { ...row };
  const terms = viewer.kind === "third-party" ? [] : viewer.terms;
  for (const [column, category] of Object.entries(tagged)) {
    if (!(column in row)) continue;
    const key = column as keyof Row;
    const visible =
      viewer.kind === "data-subject" ||
      (viewer.kind === "partner" && mayPartnerSee(table, column, viewer.parts));
    const value = row[key];
    if (!visible || (category === "criminal-offence" && typeof value !== "string" && value !== null)) {
      delete result[key];
    } else if (category === "criminal-offence" && typeof value === "string") {
      result[key] = redact(value, terms) as Row[keyof Row];
    }
  }
  return result;
}

/** The UK GDPR categories held in a table, from its tags (for the subject access export, art. 15(1)(b)). */
export function categoriesHeld(table: string, tags: TagSource = personalDataTags()): PersonalDataCategory[] {
  const order: PersonalDataCategory[] = ["personal", "special-category", "criminal-offence"];
  const held = new Set(Object.values(tags.get(table) ?? {}));
  return order.filter((category) => held.has(category));
}
