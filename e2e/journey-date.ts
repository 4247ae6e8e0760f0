/**
 * The browser journeys live on a pinned day: the demo is seeded for it and the app's clock
 * starts there, so a journey that votes in the open PB vote or answers the open consultation
 * finds them open whatever day the suite runs. The clock still moves on from the pinned
 * moment, so what a journey writes is ordered as it would be in real life.
 */
export const journeyDay = new Date("2026-11-01T09:00:00.000Z");

export function journeyClock(): () => Date {
  const startedAt = Date.now();
  return () => new Date(journeyDay.getTime() + (Date.now() - startedAt));
}
