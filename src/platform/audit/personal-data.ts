/** UK GDPR categories of personal data (art. 4, 9 and 10). */
export type PersonalDataCategory = "personal" | "special-category" | "criminal-offence";

const registry = new Map<string, Record<string, PersonalDataCategory>>();

/**
 * Declares which columns of a table hold personal data. Modules call this beside
 * their schema; reads of tagged tables are audited, and subject access exports,
 * redaction and retention use the same tags.
 */
export function tagPersonalData(table: string, columns: Record<string, PersonalDataCategory>): void {
  registry.set(table, { ...(registry.get(table) ?? {}), ...columns });
}

export function personalDataTags(): ReadonlyMap<string, Record<string, PersonalDataCategory>> {
  return registry;
}

export function holdsPersonalData(table: string): boolean {
  return registry.has(table);
}
