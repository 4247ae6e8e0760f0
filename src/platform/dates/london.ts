// People in the UK live by the London calendar: a session held "today" at 23:30 UTC in
// summer is already tomorrow in London. Every "what day is it" question asks this one place.
const londonDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// The London day last asked for and the moments it starts and ends: formatting in a time zone
// costs about 15 µs, and a page asks "what day is it" several times for moments on the same day.
let lastDay: { day: string; from: number; to: number } | undefined;

/** The calendar date in London at this moment, as "YYYY-MM-DD". */
export function londonDay(at: Date): string {
  const ms = at.getTime();
  if (lastDay && ms >= lastDay.from && ms < lastDay.to) return lastDay.day;
  const day = londonDayFormat.format(at);
  lastDay = { day, from: londonWallClock(day).getTime(), to: londonWallClock(addDays(day, 1)).getTime() };
  return day;
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

const londonHourFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  hourCycle: "h23",
});

/**
 * The moment London's clocks show `hour:minute` on `day` ("YYYY-MM-DD"): "closes at midnight" or "starts at
 * 18:30" means UK time, which is UTC in winter and an hour ahead in summer (BST).
 */
export function londonWallClock(day: string, hour = 0, minute = 0): Date {
  const [year, month, date] = day.split("-").map(Number);
  const asUtc = Date.UTC(year, month - 1, date, hour, minute);
  // London's clock at the moment UTC reads the same gives the offset: 0 or 1 hour.
  const offsetHours = (Number(londonHourFormat.format(new Date(asUtc))) - hour + 24) % 24;
  return new Date(asUtc - offsetHours * 3_600_000);
}
