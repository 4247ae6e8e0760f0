import type { CliContext } from "../../modules/module.ts";
import { type Actor, systemActor } from "../access/actor.ts";
import type { Organisation } from "../access/organisations.ts";
import type { Database, Db } from "../db/database.ts";
import { chooseCliOrganisation } from "./import-command.ts";

/**
 * The wiring every organisation-scoped CLI command repeats: open the database, choose the organisation
 * (--organisation SLUG, or the only one there is), act as the system under the command's name, close.
 * Answers 2 (usage) when no organisation could be chosen, otherwise what `run` answers.
 */
export function runForOrganisation(
  context: CliContext,
  slug: string | undefined,
  commandName: string,
  run: (database: Database, actor: Actor, organisationId: string) => Promise<number>,
): Promise<number> {
  return runForChosenOrganisation(context, slug, commandName, (database, actor, organisation) =>
    run(database, actor, organisation.id),
  );
}

/**
 * The same, for a command that also shows the organisation (its name or slug), or that narrows
 * the choice when there are several (see chooseCliOrganisation).
 */
export async function runForChosenOrganisation(
  context: CliContext,
  slug: string | undefined,
  commandName: string,
  run: (database: Database, actor: Actor, organisation: Organisation) => Promise<number>,
  narrow?: (organisations: Organisation[], database: Database) => Promise<Organisation[]>,
): Promise<number> {
  const database = await context.openDatabase();
  try {
    const organisation = await chooseCliOrganisation(database, slug, context, narrow);
    if (!organisation) return 2;
    return await run(database, systemActor(organisation.id, commandName), organisation);
  } finally {
    await database.close();
  }
}

/** An import for one organisation: runs it as the system and prints the sentence it answers with. */
export function importForOrganisation(
  context: CliContext,
  slug: string | undefined,
  commandName: string,
  run: (db: Db, actor: Actor, now: Date) => Promise<string>,
): Promise<number> {
  return runForOrganisation(context, slug, commandName, async (database, actor) => {
    context.io.stdout(`${await run(database.db, actor, context.now())}\n`);
    return 0;
  });
}

/** The one file a command reads, or null after saying how to call it. */
export function oneFileArgument(positionals: string[], usage: string, context: CliContext): string | null {
  if (positionals.length === 1) return positionals[0];
  context.io.stderr(`Give one CSV file. Usage: ${usage}\n`);
  return null;
}

/** The options every report over a period takes: --from and --to (YYYY-MM-DD), --json, --organisation. */
export const periodReportOptions = {
  from: { type: "string" },
  to: { type: "string" },
  json: { type: "boolean" },
  organisation: { type: "string" },
} as const;
