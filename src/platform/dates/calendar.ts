// Calendar arithmetic on "YYYY-MM-DD" strings, with no time zone involved: these are the dates
// on agreements, reports and forms. One home for it (issue 17), so "12 months after 31 January"
// means the same everywhere.

export function parseDay(value: string): { year: number; month: number; day: number } {
  const [year, month, day] = value.split("-").map(Number);
  return { year, month, day };
}

function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds (or with a negative number, takes away) calendar months. A day that does not exist in the
 * target month is clamped to its last day: three months after 30 November is 28 (or 29) February,
 * and 12 months after 29 February is 28 February.
 */
export function addMonths(value: string, months: number): string {
  const { year, month, day } = parseDay(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDay(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole months from start to end (inclusive of a part month), at least one. */
export function monthsBetween(start: string, end: string): number {
  const a = parseDay(start);
  const b = parseDay(end);
  const months = (b.year - a.year) * 12 + (b.month - a.month) + (b.day >= a.day ? 1 : 0);
  return Math.max(1, months);
}

/** The later of two "YYYY-MM-DD" dates (they sort as text). */
export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two "YYYY-MM-DD" dates. */
export function earlierDay(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * A day typed or exported as YYYY-MM-DD, or as DD/MM/YYYY the way UK systems often write it, as
 * YYYY-MM-DD. Anything else comes back trimmed, for the caller's own check to refuse.
 */
export function normaliseDay(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  return uk ? `${uk[3]}-${uk[2]?.padStart(2, "0")}-${uk[1]?.padStart(2, "0")}` : value.trim();
}
