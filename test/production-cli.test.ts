import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.ts";

describe("kith seed demo in production", () => {
  const before = process.env.KITH_ENV;
  afterEach(() => {
    if (before === undefined) delete process.env.KITH_ENV;
    else process.env.KITH_ENV = before;
  });

  it("refuses before opening any database, because the demo password is published", async () => {
    process.env.KITH_ENV = "production";
    const errors: string[] = [];
    const code = await runCli(["seed", "demo"], { stdout: () => {}, stderr: (text) => errors.push(text) });
    expect(code).toBe(1);
    expect(errors.join("")).toBe(
      "The demo seed never runs in production (KITH_ENV=production): its password is published.\n",
    );
  });
});
