import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/config.ts";
import { loadJobRunnerSettings } from "./settings.ts";

describe("job runner settings", () => {
  it("runs two workers polling every five seconds unless told otherwise", () => {
    expect(loadJobRunnerSettings({})).toEqual({ workers: 2, pollMs: 5_000 });
    expect(loadJobRunnerSettings({ KITH_JOB_WORKERS: "4", KITH_JOB_POLL_MS: "250" })).toEqual({
      workers: 4,
      pollMs: 250,
    });
  });

  it("refuses a worker count that is not a whole number in range, naming the setting", () => {
    for (const bad of ["abc", "0", "2.5", "65"]) {
      expect(() => loadJobRunnerSettings({ KITH_JOB_WORKERS: bad })).toThrow(ConfigError);
    }
    expect(() => loadJobRunnerSettings({ KITH_JOB_POLL_MS: "soon" })).toThrow(
      'KITH_JOB_POLL_MS must be a whole number from 10 to 3600000, not "soon"',
    );
  });
});
