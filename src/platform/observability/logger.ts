import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../config/config.ts";

export type { Logger };

/**
 * One JSON object per line on stdout, for journald or a log shipper to read. Request
 * handlers log through a child carrying the request id (observe-requests.ts), so every
 * line about a request can be found from the reference on its error page.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "kith" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Passwords, tokens and cookies never reach a log line even if a caller passes them.
      // Top-level keys only: wildcard paths doubled the cost of every line (bench/observability.ts).
      redact: ["password", "token", "cookie", "authorization"],
    },
    destination,
  );
}
