import { parseArgs } from "node:util";
import { systemActor } from "../../platform/access/actor.ts";
import { Problem } from "../../platform/http/problem.ts";
import { formatPence } from "../../platform/ui/format.ts";
import type { CliCommand } from "../module.ts";
import { type SettlementResult, settleCampaign } from "./commands/settle-campaign.ts";

export const crowdfundingCli: CliCommand[] = [
  {
    words: ["crowdfunding", "settle"],
    usage: "kith crowdfunding settle CAMPAIGN [--organisation SLUG]",
    summary:
      "Run the deadline settlement of one campaign (its id or reference, e.g. CF-1A2B3C4D): collect or release every pledge",
    async run(args, context) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { organisation: { type: "string" } },
      });
      const wanted = positionals[0];
      if (!wanted || positionals.length > 1) {
        context.io.stderr(`Name one campaign. Usage: ${this.usage}\n`);
        return 2;
      }
      const database = await context.openDatabase();
      try {
        // The CLI is platform administration, so it may look across organisations to find the campaign.
        const matches = await database.query<{ organisation_id: string; id: string; slug: string }>(
          `SELECT c.organisation_id, c.id, o.slug FROM crowdfunding_campaign c JOIN organisation o ON o.id = c.organisation_id
           WHERE (c.id::text = lower($1) OR c.reference = upper($1)) AND ($2::text IS NULL OR o.slug = $2)`,
          [wanted, values.organisation ?? null],
        );
        if (matches.length === 0) {
          context.io.stderr(
            `No campaign "${wanted}"${values.organisation ? ` in ${values.organisation}` : ""}.\n`,
          );
          return 1;
        }
        if (matches.length > 1) {
          context.io.stderr(
            `"${wanted}" names campaigns in ${matches.length} organisations; add --organisation with one of: ${matches.map((m) => m.slug).join(", ")}\n`,
          );
          return 2;
        }
        const [match] = matches;
        let result: SettlementResult;
        try {
          result = await settleCampaign(
            database.db,
            systemActor(match.organisation_id, "kith crowdfunding settle"),
            context.now(),
            match.id,
          );
        } catch (error) {
          // Still open or not live: say why, exit 1. Anything else is a fault and is thrown on.
          if (!(error instanceof Problem)) throw error;
          context.io.stderr(`${error.title}: ${error.detail}\n`);
          return 1;
        }
        const lines = [
          `Campaign ${result.reference}: ${result.alreadySettled ? `already settled (${result.status})` : result.status}`,
          `  target            ${formatPence(result.targetPence)}`,
          `  backers' pledges  ${formatPence(result.backerPence)}`,
          `  released match    ${formatPence(result.matchPence)}`,
          `  total             ${formatPence(result.totalPence)}`,
          `  collected         ${formatPence(result.collectedPence)}`,
        ];
        if (!result.alreadySettled) {
          lines.push(
            `  pledges collected ${result.pledgesCollected}, released ${result.pledgesReleased}; match pledges collected ${result.matchCollected}, lapsed ${result.matchLapsed}`,
          );
        }
        context.io.stdout(`${lines.join("\n")}\n`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
];
