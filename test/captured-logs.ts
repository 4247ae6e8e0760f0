import { createLogger, type Logger } from "../src/platform/observability/logger.ts";

export type LogLine = { level: string; msg: string; requestId?: string } & Record<string, unknown>;

/** A real pino logger at debug level whose JSON lines a test can read back. */
export function capturedLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger("debug", { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}
