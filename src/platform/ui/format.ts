// Display formatting for pages. Money is stored as integer pence and moments as
// UTC; people in the UK read pounds and Europe/London wall-clock time, so every
// page formats through these helpers rather than calling toLocaleString itself.

import { remembered } from "../remember.ts";

const LONDON = "Europe/London";

const groupedPounds = new Intl.NumberFormat("en-GB", { useGrouping: true, maximumFractionDigits: 0 });

function splitPence(pence: number | bigint): { negative: boolean; pounds: bigint; pennies: bigint } {
  if (typeof pence === "number" && !Number.isInteger(pence)) {
    throw new RangeError(`Money must be a whole number of pence, got ${pence}`);
  }
  const value = BigInt(pence);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  return { negative, pounds: magnitude / 100n, pennies: magnitude % 100n };
}

/** 123456789 → "£1,234,567.89"; negative amounts read "−£12.00" with a real minus sign. */
export function formatPence(pence: number | bigint): string {
  const { negative, pounds, pennies } = splitPence(pence);
  const text = `£${groupedPounds.format(pounds)}.${pennies.toString().padStart(2, "0")}`;
  return negative ? `−${text}` : text;
}

/** Whole pounds for headlines and charts: 123456789 → "£1,234,568" (rounds half up on the pennies). */
export function formatPounds(pence: number | bigint): string {
  const { negative, pounds, pennies } = splitPence(pence);
  const rounded = pennies >= 50n ? pounds + 1n : pounds;
  const text = `£${groupedPounds.format(rounded)}`;
  return negative && rounded !== 0n ? `−${text}` : text;
}

/** 1234567 → "1,234,567"; fractions keep up to `maximumFractionDigits` (default 0). */
export function formatNumber(value: number | bigint, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits }).format(value);
}

/** A ratio (0.256) → "25.6%". Pass `fractionDigits` to fix the decimals. */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  const text = new Intl.NumberFormat("en-GB", {
    style: "percent",
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
  return text;
}

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

// A bare "2026-11-22" is a calendar date, not a moment: JavaScript would read it
// as UTC midnight, which is still the same day in London, so formatting in
// Europe/London shows the intended day all year round.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  day: "numeric",
  month: "short",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
});

// Intl formatting costs a few microseconds a call and a page formats dozens of dates, mostly the
// same few: each format remembers what it wrote, by the date string or the moment's milliseconds.
const rememberedFormat = (format: Intl.DateTimeFormat) => {
  const byKey = remembered((key: string | number) =>
    format.format(toDate(typeof key === "number" ? new Date(key) : key)),
  );
  return (value: Date | string) => byKey(value instanceof Date ? value.getTime() : value);
};
const rememberedDate = rememberedFormat(dateFormat);
const rememberedShortDate = rememberedFormat(shortDateFormat);

/** "22 November 2026", in London time. */
export function formatDate(value: Date | string): string {
  return rememberedDate(value);
}

/** "22 Nov 2026", for tables and charts where space is short. */
export function formatShortDate(value: Date | string): string {
  return rememberedShortDate(value);
}

/** GOV.UK style: "3:04pm", "9am", "midday", "midnight", in London time. */
export function formatTime(value: Date | string): string {
  const parts = timeFormat.formatToParts(toDate(value));
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? "0");
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  if (minute === "00" && hour === 0) return "midnight";
  if (minute === "00" && hour === 12) return "midday";
  const suffix = hour < 12 ? "am" : "pm";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return minute === "00" ? `${twelve}${suffix}` : `${twelve}:${minute}${suffix}`;
}

/** "22 November 2026 at 3:04pm", in London time. */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}

/** Machine-readable value for <time datetime>: full ISO 8601 in UTC. */
export function isoDateTime(value: Date | string): string {
  return toDate(value).toISOString();
}
