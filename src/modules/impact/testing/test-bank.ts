import { testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { importValueBank } from "../commands/import-value-bank.ts";

/**
 * For tests: imports a hand-made value bank (the test's own CSV, values at 2025 prices) as the
 * organisation's active bank, named "Test bank".
 */
export async function importTestBank(db: Db, actor: Actor, csv: string): Promise<void> {
  await importValueBank(db, actor, testNow, csv, {
    name: "Test bank",
    source: "Hand-made",
    licence: "Test",
    priceYear: 2025,
  });
}
