// `kith pb results FILE.pb --rule greedy|mes|phragmen [--utility cost|approval]
//  [--completion none|add1|add1-until-infeasible] [--json]`
//
// Computes a participatory-budgeting outcome from a pabulib file. Takes its output
// streams as arguments so it can be tested without a process, and returns the exit
// code: 0 on success, 2 for a bad argument or a bad file (with a message saying what to
// fix, never a stack trace), 1 for anything unexpected.

import { readFile } from "node:fs/promises";
import { PabulibError, parsePabulib } from "../pabulib/parse.ts";
import type { PbCompletion, PbOutcome, PbRule, PbUtility } from "../rules/index.ts";
import { computeOutcome, fundedVoterShare, PB_COMPLETIONS, PB_RULES, PB_UTILITIES } from "../rules/index.ts";
import type { BallotReading } from "./pb-ballot-reading.ts";
import { readBallots } from "./pb-ballot-reading.ts";

export type PbIo = { stdout: (text: string) => void; stderr: (text: string) => void };

export const PB_RESULTS_USAGE = `Usage: kith pb results FILE.pb --rule greedy|mes|phragmen [options]

Options:
  --rule greedy|mes|phragmen     the voting rule (required)
  --utility cost|approval        voters' utility for greedy and mes (default: cost)
  --completion none|add1|add1-until-infeasible
                                 how mes spends leftover money (default: none)
  --json                         print one JSON object instead of a table
`;

type Args = { file: string; rule: PbRule; utility?: PbUtility; completion?: PbCompletion; json: boolean };

class UsageError extends Error {}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined || value.startsWith("--"))
    throw new UsageError(`${flag} needs a value: ${allowed.join(", ")}`);
  const found = allowed.find((a) => a === value);
  if (!found) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return found;
}

function parseArgs(args: readonly string[]): Args | "help" {
  const files: string[] = [];
  let rule: PbRule | undefined;
  let utility: PbUtility | undefined;
  let completion: PbCompletion | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith("--") ? args[i].split(/=(.*)/s, 2) : [args[i], undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === "--help" || flag === "-h") return "help";
    else if (flag === "--json") json = true;
    else if (flag === "--rule") rule = oneOf("--rule", value(), PB_RULES);
    else if (flag === "--utility") utility = oneOf("--utility", value(), PB_UTILITIES);
    else if (flag === "--completion") completion = oneOf("--completion", value(), PB_COMPLETIONS);
    else if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag}`);
    else files.push(flag);
  }
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? "give one .pb file" : "give only one .pb file");
  if (!rule) throw new UsageError(`--rule is required: ${PB_RULES.join(", ")}`);
  if (completion !== undefined && rule !== "mes")
    throw new UsageError("--completion only applies to --rule mes");
  if (utility !== undefined && rule === "phragmen")
    throw new UsageError("--utility does not apply to --rule phragmen");
  return { file: files[0], rule, utility, completion, json };
}

const RULE_NAMES: Record<PbRule, string> = {
  greedy: "Greedy by votes",
  mes: "Method of Equal Shares",
  phragmen: "Sequential Phragmén",
};

function table(args: Args, reading: BallotReading, outcome: PbOutcome): string {
  const { election } = reading;
  const byId = new Map(election.projects.map((p) => [p.id, p]));
  const share = fundedVoterShare(election, outcome.selected);
  const settings =
    args.rule === "phragmen"
      ? ""
      : ` (${args.utility ?? "cost"} utilities${args.rule === "mes" ? `, completion ${args.completion ?? "none"}` : ""})`;
  const rows = outcome.selected.map((id, i) => {
    const p = byId.get(id);
    return [
      String(i + 1),
      id,
      p?.cost.toExactString() ?? "",
      String(outcome.details.votes[id] ?? 0),
      p?.name ?? "",
    ];
  });
  const header = ["#", "Project", "Cost", "Votes", "Name"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((v, c) => (c === 2 || c === 3 || c === 0 ? v.padStart(widths[c]) : v.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const out = [
    `Rule: ${RULE_NAMES[args.rule]}${settings}`,
    `Budget: ${election.budget.toExactString()}   Ballots: ${election.ballots.length}   Projects: ${election.projects.length}`,
    ...(reading.voteType === "approval" ? [] : [`Ballots: ${reading.voteType}, read as ${reading.readAs}`]),
    `Funded: ${outcome.selected.length} projects, total cost ${outcome.totalCost}`,
    `Voters with at least one funded project: ${share.voters} of ${share.total} (${(share.share * 100).toFixed(1)}%)`,
  ];
  const start = outcome.details.mes?.startBudgetPerVoter;
  if (start !== undefined) {
    const approx = start.includes("/")
      ? ` (about ${(Number(start.split("/")[0]) / Number(start.split("/")[1])).toFixed(2)})`
      : "";
    out.push(`Starting budget per voter: ${start}${approx}`);
  }
  out.push("", line(header), ...rows.map(line), "", "Ties are broken by project id, compared as text.");
  return `${out.join("\n")}\n`;
}

export async function runPbResults(args: string[], io: PbIo): Promise<number> {
  let parsed: Args | "help";
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`kith pb results: ${e.message}\n\n${PB_RESULTS_USAGE}`);
    return 2;
  }
  if (parsed === "help") {
    io.stdout(PB_RESULTS_USAGE);
    return 0;
  }
  const a = parsed;
  let text: string;
  try {
    text = await readFile(a.file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : String(code ?? e);
    io.stderr(`kith pb results: cannot read ${a.file}: ${why}\n`);
    return 2;
  }
  try {
    const parsed = parsePabulib(text);
    const reading = readBallots(parsed, a.rule);
    if ("refusal" in reading) {
      io.stderr(`kith pb results: ${a.file}: ${reading.refusal}\n`);
      return 2;
    }
    const { election } = reading;
    const outcome = computeOutcome(election, { rule: a.rule, utility: a.utility, completion: a.completion });
    if (a.json) {
      const share = fundedVoterShare(election, outcome.selected);
      const result = {
        file: a.file,
        rule: a.rule,
        utility: a.rule === "phragmen" ? null : (a.utility ?? "cost"),
        completion: a.rule === "mes" ? (a.completion ?? "none") : null,
        tieBreaking: outcome.tieBreaking,
        voteType: reading.voteType,
        ballotsReadAs: reading.readAs,
        budget: election.budget.toExactString(),
        numBallots: election.ballots.length,
        numProjects: election.projects.length,
        selected: outcome.selected,
        totalCost: outcome.totalCost,
        votersWithFundedProject: share,
        details: outcome.details,
      };
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else io.stdout(table(a, reading, outcome));
    return 0;
  } catch (e) {
    if (e instanceof PabulibError) {
      io.stderr(`kith pb results: ${a.file}:${e.line}: ${e.message.replace(/^line \d+: /, "")}\n`);
      return 2;
    }
    io.stderr(
      `kith pb results: could not compute the outcome: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
}
