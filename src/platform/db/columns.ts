import { bigint, customType, date, timestamp } from "drizzle-orm/pg-core";

/** A moment in time, stored as timestamptz (UTC) and read as a Date. */
export const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A calendar date with no time zone, read as "YYYY-MM-DD". */
export const day = (name: string) => date(name, { mode: "string" });

/** Money is always a whole number of pence: exact totals, no float drift. */
export const pence = (name: string) => bigint(name, { mode: "number" });

/** Binary data (uploaded files), read as a Buffer from both PGlite (Uint8Array) and node-postgres. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
