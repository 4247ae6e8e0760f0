// `kith pb import FILE.pb` and `kith pb export PROCESS`: pabulib files in and out of the
// database; `kith pb send-codes PROCESS`: voting codes by email, for scheduled mailings.
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { systemActor } from "../../../platform/access/actor.ts";
import { loadConfig } from "../../../platform/config/config.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { organisationForCli } from "../../../platform/imports/import-command.ts";
import type { CliContext } from "../../module.ts";
import { importPabulib } from "../commands/pabulib-import.ts";
import { sendVoteCodes } from "../commands/send-vote-codes.ts";
import { exportPabulib } from "../queries/pabulib-export.ts";
import {
  PB_COMPLETIONS,
  PB_RULES,
  PB_UTILITIES,
  type PbCompletion,
  type PbRule,
  type PbUtility,
} from "../rules/index.ts";

async function withDatabase(
  context: CliContext,
  organisation: string | undefined,
  work: (
    database: Awaited<ReturnType<CliContext["openDatabase"]>>,
    organisationId: string,
  ) => Promise<number>,
): Promise<number> {
  const database = await context.openDatabase();
  try {
    const organisationId = await organisationForCli(database, organisation, context);
    if (!organisationId) return 1;
    return await work(database, organisationId);
  } catch (error) {
    if (error instanceof Problem) {
      context.io.stderr(`${error.title}: ${error.detail}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

export async function runPbImport(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      organisation: { type: "string" },
      rule: { type: "string" },
      utility: { type: "string" },
      completion: { type: "string" },
      title: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file) {
    context.io.stderr(
      "Usage: kith pb import FILE.pb [--organisation SLUG] [--rule greedy|mes|phragmen] [--utility cost|approval] [--completion none|add1|add1-until-infeasible]\n",
    );
    return 2;
  }
  const rule = values.rule ?? "greedy";
  const utility = values.utility ?? "cost";
  const completion = values.completion ?? "add1";
  if (
    !PB_RULES.includes(rule as PbRule) ||
    !PB_UTILITIES.includes(utility as PbUtility) ||
    !PB_COMPLETIONS.includes(completion as PbCompletion)
  ) {
    context.io.stderr(
      `Unknown rule, utility or completion. Rules: ${PB_RULES.join(", ")}; utilities: ${PB_UTILITIES.join(", ")}; completions: ${PB_COMPLETIONS.join(", ")}.\n`,
    );
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    context.io.stderr(`Cannot read ${file}.\n`);
    return 1;
  }
  return withDatabase(context, values.organisation, async (database, organisationId) => {
    const result = await importPabulib(
      database.db,
      systemActor(organisationId, "kith pb import"),
      context.now(),
      text,
      {
        rule: rule as PbRule,
        utility: utility as PbUtility,
        completion: completion as PbCompletion,
        ...(values.title ? { title: values.title } : {}),
      },
    );
    context.io.stdout(
      `Imported ${result.projects} projects and ${result.ballots} votes as finished process ${result.processId}.\n`,
    );
    return 0;
  });
}

export async function runPbExport(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      organisation: { type: "string" },
      output: { type: "string", short: "o" },
      budget: { type: "string" },
    },
  });
  const processId = positionals[0];
  if (!processId) {
    context.io.stderr(
      "Usage: kith pb export PROCESS-ID [--organisation SLUG] [--budget BUDGET-ID] [-o FILE.pb]\n",
    );
    return 2;
  }
  return withDatabase(context, values.organisation, async (database, organisationId) => {
    const text = await exportPabulib(
      database.db,
      systemActor(organisationId, "kith pb export"),
      processId,
      values.budget,
    );
    if (values.output) {
      await writeFile(values.output, text);
      context.io.stderr(`Wrote ${values.output}.\n`);
    } else context.io.stdout(text);
    return 0;
  });
}

export async function runPbSendCodes(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { organisation: { type: "string" }, "base-url": { type: "string" } },
  });
  const processId = positionals[0];
  if (!processId) {
    context.io.stderr("Usage: kith pb send-codes PROCESS-ID [--organisation SLUG] [--base-url URL]\n");
    return 2;
  }
  return withDatabase(context, values.organisation, async (database, organisationId) => {
    const made = await sendVoteCodes(
      database.db,
      systemActor(organisationId, "kith pb send-codes"),
      context.now(),
      processId,
      (values["base-url"] ?? loadConfig().publicUrl).replace(/\/+$/, ""),
    );
    context.io.stdout(
      `Queued voting codes for ${made.sent} residents; ${made.alreadyHadCode} already had one; ${made.notEligible} cannot vote in this process.\n`,
    );
    return 0;
  });
}
