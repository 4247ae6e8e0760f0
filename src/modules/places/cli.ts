import { systemActor } from "../../platform/access/actor.ts";
import { importCommand } from "../../platform/imports/import-command.ts";
import type { CliCommand } from "../module.ts";
import { importBoundariesCommand } from "./boundaries/boundaries-cli.ts";
import { importCommunityAssets } from "./commands/import-assets.ts";
import { importHomes } from "./commands/import-homes.ts";

export const placesCli: CliCommand[] = [
  importBoundariesCommand,
  importCommand(
    "homes",
    "Import homes from a CSV file (format: docs/import-homes.md)",
    (database, organisationId, file, options) =>
      importHomes(database, systemActor(organisationId, "kith import homes"), new Date(), file, options),
  ),
  importCommand(
    "assets",
    "Import community assets from a CSV file (format: docs/import-assets.md)",
    (database, organisationId, file, options) =>
      importCommunityAssets(
        database,
        systemActor(organisationId, "kith import assets"),
        new Date(),
        file,
        options,
      ),
  ),
];
