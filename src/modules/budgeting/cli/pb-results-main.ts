#!/usr/bin/env node
// Runs `kith pb results` from the command line until it is wired into the kith CLI:
//   node src/modules/budgeting/cli/pb-results-main.ts FILE.pb --rule mes --json
import { runPbResults } from "./pb-results.ts";

process.exitCode = await runPbResults(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
