import type { CliContext } from "./modules/module.ts";

// Commands that need neither the database nor the other modules. Loading the whole app (every
// module, its pages, PDF and spreadsheet libraries) takes seconds; `kith pb results FILE.pb`
// only reads a file and runs the count, so it loads just that and starts in a fraction of it.
type QuickCommand = {
  words: string[];
  load: () => Promise<(args: string[], io: CliContext["io"]) => Promise<number>>;
};

const quickCommands: QuickCommand[] = [
  {
    words: ["pb", "results"],
    load: async () => (await import("./modules/budgeting/cli/pb-results.ts")).runPbResults,
  },
];

/** Runs a quick command when argv names one; null when the full CLI is needed. */
export async function runQuickCommand(argv: string[], io: CliContext["io"]): Promise<number | null> {
  const command = quickCommands.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!command) return null;
  const run = await command.load();
  return run(argv.slice(command.words.length), io);
}
