import type { CliContext } from "../src/modules/module.ts";
import type { Database } from "../src/platform/db/database.ts";
import { testNow } from "./fixtures.ts";

/**
 * A CLI context over a test's own database that collects what a command prints. The command
 * closes its database when done; the test keeps using this one, so close does nothing.
 */
export function testCliContext(database: Database): {
  context: CliContext;
  output: { stdout: string; stderr: string };
} {
  const output = { stdout: "", stderr: "" };
  const context: CliContext = {
    io: {
      stdout: (text) => {
        output.stdout += text;
      },
      stderr: (text) => {
        output.stderr += text;
      },
    },
    now: () => testNow,
    openDatabase: async () => ({ ...database, close: async () => {} }),
  };
  return { context, output };
}
