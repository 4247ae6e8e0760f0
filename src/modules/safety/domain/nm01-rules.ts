/**
 * NM01 (Tenant Satisfaction Measures, Regulator of Social Housing): ASB cases opened per
 * 1,000 homes, and of those, cases involving hate incidents per 1,000 homes.
 * Counting rule: a further report about the same matter while a case is open is not a
 * new case; a report after the case has closed is a new case. So an imported case whose
 * linked reports run past its closing date counts once for its opening and once more, on
 * the date of the first report after closure (that report reopens the matter, and later
 * reports belong to the reopened case, which has no closing date of its own).
 */

/** Rate per 1,000 homes to 2 decimal places, rounding halves up, in exact integer arithmetic. */
export function per1000Homes(cases: number, homes: number): number | null {
  if (homes <= 0) return null;
  // round(cases * 1000 / homes, 2) = floor((cases * 100000 * 2 + homes) / (2 * homes)) / 100
  const hundredths = (BigInt(cases) * 200_000n + BigInt(homes)) / (2n * BigInt(homes));
  return Number(hundredths) / 100;
}

export type CaseForCounting = { openedOn: string; closedOn: string | null; reportDates: string[] };

/** The dates on which a case counts as opened under the counting rule (pure; the SQL in queries/nm01.ts does the same). */
export function nm01OpeningDates(item: CaseForCounting): string[] {
  const dates = [item.openedOn];
  if (item.closedOn !== null) {
    const closedOn = item.closedOn;
    const after = item.reportDates.filter((date) => date > closedOn).sort();
    if (after[0] !== undefined) dates.push(after[0]);
  }
  return dates;
}
