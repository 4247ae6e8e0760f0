import type { CliCommand } from "../module.ts";
import { runPbResults } from "./cli/pb-results.ts";

export const budgetingCli: CliCommand[] = [
  {
    words: ["pb", "results"],
    usage:
      "kith pb results FILE.pb --rule greedy|mes|phragmen [--utility cost|approval] [--completion none|add1|add1-until-infeasible] [--json]",
    summary:
      "Compute participatory budgeting results for a pabulib file, exactly as the reference library does",
    run: (args, context) => runPbResults(args, context.io),
  },
];
