// People in the UK live by the London calendar: a session held "today" at 23:30 UTC in
// summer is already tomorrow in London. Every "what day is it" question asks this one place.
const londonDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in London at this moment, as "YYYY-MM-DD". */
export function londonDay(at: Date): string {
  return londonDayFormat.format(at);
}

/** A calendar date moved by whole days ("2026-12-06" + 3 → "2026-12-09"), with no time zone involved. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
