import { systemActor } from "../../platform/access/actor.ts";
import { importCommand } from "../../platform/imports/import-command.ts";
import type { CliCommand } from "../module.ts";
import { importPeople } from "./commands/import-people.ts";

export const peopleCli: CliCommand[] = [
  importCommand(
    "people",
    "Import people from a CSV file (format: docs/import-people.md)",
    (database, organisationId, file, options) =>
      importPeople(database, systemActor(organisationId, "kith import people"), new Date(), file, options),
  ),
];
