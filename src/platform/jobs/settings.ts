import { ConfigError } from "../config/config.ts";

export type JobRunnerSettings = { workers: number; pollMs: number };

// Read here, beside the runner, until the platform config takes these over; checked like
// every other setting so a typo stops start-up with a message instead of running 0 workers.
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError([`${name} must be a whole number from ${min} to ${max}, not "${raw}"`]);
  }
  return value;
}

/** KITH_JOB_WORKERS (jobs run at once in a process, default 2) and KITH_JOB_POLL_MS (default 5000). */
export function loadJobRunnerSettings(env: NodeJS.ProcessEnv = process.env): JobRunnerSettings {
  return {
    workers: wholeNumber(env, "KITH_JOB_WORKERS", 2, 1, 64),
    pollMs: wholeNumber(env, "KITH_JOB_POLL_MS", 5_000, 10, 3_600_000),
  };
}
