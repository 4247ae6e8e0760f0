import type { Actor } from "../access/actor.ts";
import { requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Database } from "../db/database.ts";
import type { CsvImportOptions, CsvImportReport } from "./csv-import.ts";
import { importStaged, type StagedImportSpec } from "./staged-import.ts";

export type OrganisationImportSpec = Omit<StagedImportSpec, "insert"> & {
  /**
   * One INSERT … SELECT of the good rows of `import_checked`: $1 is the actor's organisation,
   * $2 the moment of the import (timestamptz text) and $3 the seed of the new ids (epoch milliseconds).
   */
  insertSql: string;
  /** The audit entry's entity type, like "home-import". */
  entityType: string;
  /** The audit entry's sentence, from what the import did. */
  summary: (report: CsvImportReport) => string;
};

/**
 * A staged CSV import into the actor's organisation (homes, people, community assets): the rows are
 * written in one statement, and a committed import leaves one audit entry saying what it brought in.
 * The caller checks its policy first.
 */
export async function importIntoOrganisation(
  database: Database,
  actor: Actor,
  now: Date,
  file: string,
  { insertSql, entityType, summary, ...staged }: OrganisationImportSpec,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  const report = await importStaged(
    database,
    file,
    {
      ...staged,
      async insert(connection) {
        await connection.query(insertSql, [actor.organisationId, now.toISOString(), now.getTime()]);
      },
    },
    options,
  );
  if (report.committed)
    await recordAudit(database.db, actor, now, { action: "create", entityType, summary: summary(report) });
  return report;
}

/** An import command as the CLI, the upload page and the tests call it. */
export type OrganisationImport = (
  database: Database,
  actor: Actor,
  now: Date,
  file: string,
  options?: CsvImportOptions,
) => Promise<CsvImportReport>;

/**
 * An import command behind its policy: refused with `refusal` unless `mayImport(actor)`, then the spec made
 * for that actor and moment is run by importIntoOrganisation. `defaults` are options the caller may override.
 */
export function organisationImport(
  mayImport: (actor: Actor) => boolean,
  refusal: string,
  spec: (actor: Actor, now: Date) => OrganisationImportSpec,
  defaults: CsvImportOptions = {},
): OrganisationImport {
  return async (database, actor, now, file, options = {}) => {
    requireAllowed(mayImport(actor), refusal);
    return importIntoOrganisation(database, actor, now, file, spec(actor, now), { ...defaults, ...options });
  };
}
