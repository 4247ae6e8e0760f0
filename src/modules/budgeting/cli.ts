import type { CliCommand } from "../module.ts";
import { runPbExport, runPbImport, runPbSendCodes } from "./cli/pb-import-export.ts";
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
  {
    words: ["pb", "import"],
    usage:
      "kith pb import FILE.pb [--organisation SLUG] [--rule greedy|mes|phragmen] [--utility cost|approval] [--completion none|add1|add1-until-infeasible] [--title TEXT]",
    summary: "Create a finished participatory budgeting process (with results) from a pabulib file",
    run: runPbImport,
  },
  {
    words: ["pb", "export"],
    usage: "kith pb export PROCESS-ID [--organisation SLUG] [--budget BUDGET-ID] [-o FILE.pb]",
    summary: "Write a participatory budgeting process as a pabulib file (anonymous votes)",
    run: runPbExport,
  },
  {
    words: ["pb", "send-codes"],
    usage: "kith pb send-codes PROCESS-ID [--organisation SLUG] [--base-url URL]",
    summary: "Email a one-time voting code to every eligible resident who does not have one yet",
    run: runPbSendCodes,
  },
];
