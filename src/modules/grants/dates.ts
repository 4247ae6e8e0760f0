// Calendar arithmetic on "YYYY-MM-DD" strings. No time zones: these are the
// dates a grant agreement names, and the notice rule counts calendar months.

export function parseDay(value: string): { year: number; month: number; day: number } {
  const [year, month, day] = value.split("-").map(Number);
  return { year, month, day };
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months. A day that does not exist in the target month is clamped
 * to its last day: three months after 30 November is 28 (or 29) February.
 */
export function addMonths(value: string, months: number): string {
  const { year, month, day } = parseDay(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addDays(value: string, days: number): string {
  const { year, month, day } = parseDay(value);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Today's date in the UK (Europe/London), which is the date people mean on a grant agreement. */
export function londonDay(now: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Whole months from start to end (inclusive of a part month), for the 360Giving duration. */
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

export function earlierDay(a: string, b: string): string {
  return a < b ? a : b;
}
